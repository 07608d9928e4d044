"""backend/template.yaml, checked offline: the stack the issue asks for, least
privilege (the table's ARN and the function's own log group, never "*"),
CORS as the local API answers it, an optional API key, and the outputs a user
needs. Where aws-sam-translator or cfn-lint are installed, the template is also
transformed and linted as `sam deploy` would."""
import ast
import os
import re
import shutil
import subprocess
import unittest

import yaml

from support import BACKEND
import local_api

TEMPLATE = os.path.join(BACKEND, 'template.yaml')
PSEUDO_PARAMETERS = {'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
                     'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'}
CRUD_ACTIONS = ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Scan']
ORIGIN = {'Fn::Sub': "'${AllowedOrigin}'"}


class CloudFormationLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags: !Ref X is {"Ref": "X"}, !GetAtt A.B is
    {"Fn::GetAtt": ["A", "B"]}, any other !Name is {"Fn::Name": value}."""


def _short_tag(loader, tag_suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag_suffix == 'Ref':
        return {'Ref': value}
    if tag_suffix == 'GetAtt' and isinstance(value, str):
        return {'Fn::GetAtt': value.split('.', 1)}
    return {('Fn::' if tag_suffix != 'Condition' else '') + tag_suffix: value}


CloudFormationLoader.add_multi_constructor('!', _short_tag)


def load_template():
    with open(TEMPLATE, encoding='utf-8') as f:
        return yaml.load(f, Loader=CloudFormationLoader)


def walk(value):
    """Every dict and list inside `value`, depth first."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        yield from walk(child)


class TemplateStructure(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.template = load_template()
        cls.resources = cls.template['Resources']

    def properties(self, name):
        return self.resources[name]['Properties']

    def statements(self):
        return [statement for policy in self.properties('FunctionRole')['Policies']
                for statement in policy['PolicyDocument']['Statement']]

    def test_the_template_is_sam_with_language_extensions_first(self):
        self.assertEqual(self.template['Transform'], ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'])

    def test_the_table_is_on_demand_with_a_string_id_key(self):
        table = self.resources['Table']
        self.assertEqual(table['Type'], 'AWS::DynamoDB::Table')
        self.assertEqual(table['Properties']['BillingMode'], 'PAY_PER_REQUEST')
        self.assertEqual(table['Properties']['KeySchema'], [{'AttributeName': 'id', 'KeyType': 'HASH'}])
        self.assertEqual(table['Properties']['AttributeDefinitions'], [{'AttributeName': 'id', 'AttributeType': 'S'}])
        self.assertEqual(self.template['Parameters']['TableName']['Default'], 'lambda-apigateway')

    def test_the_function_runs_the_handler_in_this_repository_on_a_current_python(self):
        function = self.properties('Function')
        self.assertIn(function['Runtime'], ('python3.12', 'python3.13'))
        module, name = function['Handler'].split('.')
        path = os.path.join(BACKEND, function['CodeUri'], module + '.py')
        with open(path, encoding='utf-8') as f:
            defined = {node.name for node in ast.parse(f.read()).body if isinstance(node, ast.FunctionDef)}
        self.assertIn(name, defined)

    def test_the_function_answers_before_the_gateway_gives_up(self):
        self.assertLess(self.properties('Function')['Timeout'], local_api.INTEGRATION_TIMEOUT_S)

    def test_the_function_is_configured_with_the_stack_table_and_the_allowed_origin(self):
        self.assertEqual(self.properties('Function')['Environment']['Variables'], {
            'TABLE_NAME': {'Ref': 'Table'}, 'ALLOWED_TABLES': {'Ref': 'Table'},
            'ALLOWED_ORIGIN': {'Ref': 'AllowedOrigin'}})

    def test_the_function_has_only_the_explicit_role(self):
        function = self.properties('Function')
        self.assertEqual(function['Role'], {'Fn::GetAtt': ['FunctionRole', 'Arn']})
        self.assertNotIn('Policies', function)  # SAM would add a role with its own policies
        self.assertNotIn('ManagedPolicyArns', self.properties('FunctionRole'))

    def test_no_permission_is_for_every_resource(self):
        for statement in self.statements():
            resources = statement['Resource'] if isinstance(statement['Resource'], list) else [statement['Resource']]
            for resource in resources:
                self.assertNotIsInstance(resource, str, 'a literal resource: {}'.format(resource))
            self.assertFalse([a for a in statement['Action'] if '*' in a], statement)

    def test_dynamodb_may_do_the_five_operations_on_the_table_only(self):
        dynamodb = [s for s in self.statements() if s['Action'][0].startswith('dynamodb:')]
        self.assertEqual(len(dynamodb), 1)
        self.assertEqual(sorted(dynamodb[0]['Action']), sorted(CRUD_ACTIONS))
        self.assertEqual(dynamodb[0]['Resource'], {'Fn::GetAtt': ['Table', 'Arn']})

    def test_logs_go_to_the_functions_own_log_group_only(self):
        logs = [s for s in self.statements() if s['Action'][0].startswith('logs:')]
        self.assertEqual(len(logs), 1)
        self.assertEqual(sorted(logs[0]['Action']), ['logs:CreateLogStream', 'logs:PutLogEvents'])
        self.assertEqual(logs[0]['Resource'], {'Fn::GetAtt': ['FunctionLogGroup', 'Arn']})
        group = self.properties('FunctionLogGroup')['LogGroupName']['Fn::Sub']
        self.assertEqual(group, '/aws/lambda/' + self.properties('Function')['FunctionName']['Fn::Sub'])
        self.assertEqual(self.resources['Function']['DependsOn'], 'FunctionLogGroup')

    def test_the_api_serves_post_on_the_resource_in_stage_prod(self):
        self.assertEqual(self.properties('Api')['StageName'], 'prod')
        self.assertEqual(self.properties('Function')['Events'], {'Post': {'Type': 'Api', 'Properties': {
            'RestApiId': {'Ref': 'Api'}, 'Path': '/' + local_api.RESOURCE, 'Method': 'post'}}})

    def test_cors_allows_the_origin_parameter_post_and_the_headers_the_local_api_allows(self):
        self.assertEqual(self.properties('Api')['Cors'], {
            'AllowOrigin': ORIGIN, 'AllowMethods': "'OPTIONS,POST'",
            'AllowHeaders': "'{}'".format(local_api.CORS_ALLOW_HEADERS)})
        self.assertEqual(self.template['Parameters']['AllowedOrigin']['Default'], '*')

    def test_gateway_errors_a_browser_must_read_carry_the_origin_and_missing_token_does_not(self):
        responses = self.properties('Api')['GatewayResponses']
        self.assertEqual(sorted(responses), ['DEFAULT_5XX', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY',
                                             'QUOTA_EXCEEDED', 'REQUEST_TOO_LARGE', 'THROTTLED'])
        for response in responses.values():
            self.assertEqual(response['ResponseParameters']['Headers'], {'Access-Control-Allow-Origin': ORIGIN})

    def test_the_api_key_is_optional_and_off_by_default(self):
        self.assertEqual(self.template['Parameters']['RequireApiKey']['Default'], 'false')
        self.assertEqual(self.template['Conditions']['UseApiKey'],
                         {'Fn::Equals': [{'Ref': 'RequireApiKey'}, 'true']})
        auth = self.properties('Api')['Auth']
        self.assertEqual(auth['ApiKeyRequired'], {'Fn::If': ['UseApiKey', True, False]})
        self.assertIs(auth['AddApiKeyRequiredToCorsPreflight'], False)
        for name in ('ApiKey', 'UsagePlan', 'UsagePlanKey'):
            self.assertEqual(self.resources[name]['Condition'], 'UseApiKey', name)

    def test_the_usage_plan_ties_the_key_to_the_prod_stage(self):
        self.assertEqual(self.properties('UsagePlan')['ApiStages'],
                         [{'ApiId': {'Ref': 'Api'}, 'Stage': {'Ref': 'Api.Stage'}}])
        self.assertEqual(self.properties('UsagePlanKey'), {
            'KeyId': {'Ref': 'ApiKey'}, 'KeyType': 'API_KEY', 'UsagePlanId': {'Ref': 'UsagePlan'}})

    def test_the_outputs_give_the_invoke_url_the_table_and_the_key(self):
        outputs = self.template['Outputs']
        self.assertEqual(outputs['InvokeUrl']['Value'], {
            'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/DynamoDBManager'})
        self.assertEqual(outputs['TableName']['Value'], {'Ref': 'Table'})
        self.assertEqual(outputs['ApiKeyId'], {'Condition': 'UseApiKey', 'Description': outputs['ApiKeyId']['Description'],
                                               'Value': {'Ref': 'ApiKey'}})

    def test_every_reference_names_a_parameter_a_resource_or_a_pseudo_parameter(self):
        known = set(self.template['Parameters']) | set(self.resources) | PSEUDO_PARAMETERS | {'Api.Stage'}
        for node in walk(self.template):
            if not isinstance(node, dict):
                continue
            if 'Ref' in node:
                self.assertIn(node['Ref'], known)
            if 'Fn::GetAtt' in node:
                self.assertIn(node['Fn::GetAtt'][0], self.resources)
            if 'Fn::Sub' in node:
                for name in re.findall(r'\$\{([^!}][^}]*)\}', node['Fn::Sub']):
                    self.assertIn(name.split('.')[0], known)


def importable(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


@unittest.skipUnless(importable('samtranslator'), 'aws-sam-translator is not installed')
class SamTransform(unittest.TestCase):
    """The template as SAM turns it into CloudFormation (with the !If resolved the way
    AWS::LanguageExtensions resolves it)."""

    def transform(self, require_api_key):
        from samtranslator.translator.transform import transform
        template = _with_origin_resolved(load_template())
        template['Transform'] = 'AWS::Serverless-2016-10-31'
        template['Resources']['Function']['Properties']['CodeUri'] = 's3://bucket/function.zip'
        template['Resources']['Api']['Properties']['Auth']['ApiKeyRequired'] = require_api_key

        class NoManagedPolicies:
            def load(self):
                return {}

        os.environ.setdefault('AWS_DEFAULT_REGION', 'us-east-1')
        return transform(template, {'RequireApiKey': str(require_api_key).lower()}, NoManagedPolicies())

    def test_post_is_a_lambda_proxy_integration(self):
        post = self.transform(False)['Resources']['Api']['Properties']['Body']['paths']['/DynamoDBManager']['post']
        self.assertEqual(post['x-amazon-apigateway-integration']['type'], 'aws_proxy')
        self.assertNotIn('security', post)

    def test_with_the_key_post_needs_it_and_the_preflight_does_not(self):
        paths = self.transform(True)['Resources']['Api']['Properties']['Body']['paths']['/DynamoDBManager']
        self.assertEqual(paths['post']['security'], [{'api_key': []}])
        self.assertNotIn('security', paths['options'])


def _with_origin_resolved(value):
    """`value` with the origin's !Sub resolved for AllowedOrigin "*", as the language
    extensions resolve it before SAM runs."""
    if value == ORIGIN:
        return "'*'"
    if isinstance(value, dict):
        return {key: _with_origin_resolved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_origin_resolved(item) for item in value]
    return value


@unittest.skipUnless(shutil.which('cfn-lint'), 'cfn-lint is not installed')
class Lint(unittest.TestCase):

    def test_cfn_lint_finds_nothing(self):
        result = subprocess.run(['cfn-lint', TEMPLATE], capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == '__main__':
    unittest.main()
