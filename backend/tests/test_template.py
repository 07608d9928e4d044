"""backend/template.yaml, checked offline: the stack the issue asks for, least
privilege (the table's ARN and the function's own log group, never "*"), its own
table or an existing one, the site on a private bucket behind CloudFront, CORS
as the local API answers it, an optional API key, and the outputs scripts/deploy
reads. The template is also transformed with the SAM translator (as `sam deploy`
would, offline) and the result checked with cfn-lint; where those Python
packages are missing (scripts/setup checks for them) those tests are skipped
and say why."""
import ast
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import unittest.mock

import yaml

from support import BACKEND
import local_api

TEMPLATE = os.path.join(BACKEND, 'template.yaml')
PSEUDO_PARAMETERS = {'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
                     'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'}
CRUD_ACTIONS = ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Scan']
ORIGIN = {'Fn::If': ['UseSite', {'Fn::Sub': "'https://${SiteDistribution.DomainName}'"},
                     {'Fn::Sub': "'${AllowedOrigin}'"}]}
TABLE_NAME = {'Fn::If': ['CreateTable', {'Ref': 'Table'}, {'Ref': 'ExistingTableName'}]}
SITE_RESOURCES = ['SiteBucket', 'SiteBucketPolicy', 'SiteDistribution', 'SiteOriginAccessControl']
CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6'


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


def references(value, condition=None):
    """(kind, name, condition in force) for every Ref and GetAtt inside `value`, where the
    condition in force is the one whose true branch of an Fn::If holds the reference."""
    if isinstance(value, list):
        for item in value:
            yield from references(item, condition)
    if not isinstance(value, dict):
        return
    if 'Fn::If' in value:
        name, when_true, when_false = value['Fn::If']
        yield from references(when_true, name)
        yield from references(when_false, None)
        return
    if 'Ref' in value:
        yield 'Ref', value['Ref'], condition
    if 'Fn::GetAtt' in value:
        yield 'GetAtt', value['Fn::GetAtt'][0], condition
    if 'Fn::Sub' in value and isinstance(value['Fn::Sub'], str):
        for name in re.findall(r'\$\{([^!}][^}]*)\}', value['Fn::Sub']):
            yield 'Sub', name.split('.')[0], condition
    for key, item in value.items():
        if key not in ('Ref', 'Fn::GetAtt'):
            yield from references(item, condition)


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

    def test_the_table_is_on_demand_with_a_string_id_key_and_a_name_that_cannot_clash(self):
        table = self.resources['Table']
        self.assertEqual(table['Type'], 'AWS::DynamoDB::Table')
        self.assertEqual(table['Condition'], 'CreateTable')
        self.assertNotIn('TableName', table['Properties'])  # CloudFormation names it after the stack
        self.assertEqual(table['Properties']['BillingMode'], 'PAY_PER_REQUEST')
        self.assertEqual(table['Properties']['KeySchema'], [{'AttributeName': 'id', 'KeyType': 'HASH'}])
        self.assertEqual(table['Properties']['AttributeDefinitions'], [{'AttributeName': 'id', 'AttributeType': 'S'}])
        self.assertNotIn('TableName', self.template['Parameters'])

    def test_an_existing_table_replaces_the_stack_table(self):
        self.assertEqual(self.template['Parameters']['ExistingTableName']['Default'], '')
        pattern = self.template['Parameters']['ExistingTableName']['AllowedPattern']
        for good in ('', 'lambda-apigateway', 'a.b_c-9'):
            self.assertRegex(good, pattern)
        for bad in ('ab', 'two words', 'x' * 256):
            self.assertNotRegex(bad, '^(?:' + pattern + ')$')
        self.assertEqual(self.template['Conditions']['CreateTable'],
                         {'Fn::Equals': [{'Ref': 'ExistingTableName'}, '']})
        self.assertEqual(self.template['Outputs']['TableName']['Value'], TABLE_NAME)

    def test_the_function_runs_the_handler_in_this_repository_on_a_current_python(self):
        function = self.properties('Function')
        self.assertIn(function['Runtime'], ('python3.12', 'python3.13'))
        module, name = function['Handler'].split('.')
        path = os.path.join(BACKEND, function['CodeUri'], module + '.py')
        with open(path, encoding='utf-8') as f:
            defined = {node.name for node in ast.parse(f.read()).body if isinstance(node, ast.FunctionDef)}
        self.assertIn(name, defined)

    def test_the_function_needs_no_build_step(self):
        # sam deploy zips CodeUri as it is: nothing may need installing beside the handler.
        folder = os.path.join(BACKEND, self.properties('Function')['CodeUri'])
        self.assertFalse([n for n in os.listdir(folder) if n in ('requirements.txt', 'Makefile', 'pyproject.toml')])
        self.assertNotIn('Metadata', self.resources['Function'])  # no BuildMethod

    def test_the_function_answers_before_the_gateway_gives_up(self):
        self.assertLess(self.properties('Function')['Timeout'], local_api.INTEGRATION_TIMEOUT_S)

    def test_the_function_is_configured_with_the_served_table_and_the_allowed_origin(self):
        self.assertEqual(self.properties('Function')['Environment']['Variables'], {
            'TABLE_NAME': TABLE_NAME, 'ALLOWED_TABLES': TABLE_NAME,
            'ALLOWED_ORIGIN': {'Fn::If': ['UseSite', {'Fn::Sub': 'https://${SiteDistribution.DomainName}'},
                                          {'Ref': 'AllowedOrigin'}]}})

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

    def test_dynamodb_may_do_the_five_operations_on_the_served_table_only(self):
        dynamodb = [s for s in self.statements() if s['Action'][0].startswith('dynamodb:')]
        self.assertEqual(len(dynamodb), 1)
        self.assertEqual(sorted(dynamodb[0]['Action']), sorted(CRUD_ACTIONS))
        self.assertEqual(dynamodb[0]['Resource'], {'Fn::If': [
            'CreateTable', {'Fn::GetAtt': ['Table', 'Arn']},
            {'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ExistingTableName}'}]})

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

    def test_cors_allows_the_site_or_the_origin_parameter_post_and_the_headers_the_local_api_allows(self):
        self.assertEqual(self.properties('Api')['Cors'], {
            'AllowOrigin': ORIGIN, 'AllowMethods': "'OPTIONS,POST'",
            'AllowHeaders': "'{}'".format(local_api.CORS_ALLOW_HEADERS)})
        self.assertEqual(self.template['Parameters']['AllowedOrigin']['Default'], '*')

    def test_gateway_errors_a_browser_must_read_carry_the_origin_every_4xx_included(self):
        responses = self.properties('Api')['GatewayResponses']
        self.assertEqual(sorted(responses), ['DEFAULT_4XX', 'DEFAULT_5XX', 'INTEGRATION_TIMEOUT', 'INVALID_API_KEY',
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

    def test_the_site_is_hosted_by_default_and_only_with_host_site(self):
        self.assertEqual(self.template['Parameters']['HostSite']['Default'], 'true')
        self.assertEqual(self.template['Conditions']['UseSite'], {'Fn::Equals': [{'Ref': 'HostSite'}, 'true']})
        site = sorted(name for name, resource in self.resources.items() if resource.get('Condition') == 'UseSite')
        self.assertEqual(site, SITE_RESOURCES)
        for name in ('SiteUrl', 'SiteBucketName', 'SiteDistributionId'):
            self.assertEqual(self.template['Outputs'][name]['Condition'], 'UseSite')

    def test_the_site_bucket_is_private(self):
        block = self.properties('SiteBucket')['PublicAccessBlockConfiguration']
        self.assertEqual(block, {'BlockPublicAcls': True, 'BlockPublicPolicy': True, 'IgnorePublicAcls': True,
                                 'RestrictPublicBuckets': True})
        self.assertNotIn('WebsiteConfiguration', self.properties('SiteBucket'))
        self.assertNotIn('BucketName', self.properties('SiteBucket'))

    def test_only_the_distribution_reads_the_bucket_through_origin_access_control(self):
        statements = self.properties('SiteBucketPolicy')['PolicyDocument']['Statement']
        allows = [s for s in statements if s['Effect'] == 'Allow']
        self.assertEqual(allows, [{
            'Sid': 'TheDistributionReads', 'Effect': 'Allow', 'Principal': {'Service': 'cloudfront.amazonaws.com'},
            'Action': 's3:GetObject', 'Resource': {'Fn::Sub': '${SiteBucket.Arn}/*'},
            'Condition': {'StringEquals': {'AWS:SourceArn': {'Fn::Sub': (
                'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}')}}}}])
        access = self.properties('SiteOriginAccessControl')['OriginAccessControlConfig']
        self.assertEqual((access['OriginAccessControlOriginType'], access['SigningBehavior'], access['SigningProtocol']),
                         ('s3', 'always', 'sigv4'))
        config = self.properties('SiteDistribution')['DistributionConfig']
        self.assertEqual(config['Origins'], [{
            'Id': 'site-bucket', 'DomainName': {'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName']},
            'OriginAccessControlId': {'Fn::GetAtt': ['SiteOriginAccessControl', 'Id']},
            'S3OriginConfig': {'OriginAccessIdentity': ''}}])

    def test_the_distribution_serves_the_page_over_https_compressed(self):
        config = self.properties('SiteDistribution')['DistributionConfig']
        self.assertEqual(config['DefaultRootObject'], 'index.html')
        behavior = config['DefaultCacheBehavior']
        self.assertEqual(behavior['TargetOriginId'], 'site-bucket')
        self.assertEqual(behavior['ViewerProtocolPolicy'], 'redirect-to-https')
        self.assertIs(behavior['Compress'], True)
        self.assertEqual(behavior['CachePolicyId'], CACHING_OPTIMIZED)  # enables gzip and brotli

    def test_the_outputs_give_what_scripts_deploy_reads(self):
        outputs = self.template['Outputs']
        self.assertEqual(outputs['InvokeUrl']['Value'], {
            'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/DynamoDBManager'})
        self.assertEqual(outputs['SiteUrl']['Value'], {'Fn::Sub': 'https://${SiteDistribution.DomainName}/'})
        self.assertEqual(outputs['SiteBucketName']['Value'], {'Ref': 'SiteBucket'})
        self.assertEqual(outputs['SiteDistributionId']['Value'], {'Ref': 'SiteDistribution'})
        self.assertEqual(outputs['ApiKeyId'], {'Condition': 'UseApiKey', 'Description': outputs['ApiKeyId']['Description'],
                                               'Value': {'Ref': 'ApiKey'}})

    def test_every_reference_names_a_parameter_a_resource_or_a_pseudo_parameter(self):
        known = set(self.template['Parameters']) | set(self.resources) | PSEUDO_PARAMETERS | {'Api.Stage'}
        for _, name, _ in references(self.template):
            self.assertIn(name, known)
        for node in walk(self.template):
            if isinstance(node, dict) and 'Fn::If' in node:
                self.assertIn(node['Fn::If'][0], self.template['Conditions'])

    def test_a_conditional_resource_is_referenced_only_where_its_condition_holds(self):
        sections = list(self.resources.items()) + list(self.template['Outputs'].items())
        for owner, body in sections:
            for kind, name, condition in references(body):
                needed = self.resources.get(name, {}).get('Condition')
                if needed:
                    self.assertIn(needed, (condition, body.get('Condition')),
                                  '{} uses {} ({}) outside condition {}'.format(owner, name, kind, needed))


def importable(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


SKIP_SAM = ('aws-sam-translator is not installed for this python3 (scripts/setup says how to get it): '
            'the SAM transform is not checked')
SKIP_LINT = ('cfn-lint is not installed for this python3 (scripts/setup says how to get it): '
             'the template is not linted')


def transformed(require_api_key):
    """The template as `sam deploy` hands it to CloudFormation, computed offline: the
    language extensions' part done by hand (they resolve the !If in Auth, the only place
    SAM needs a literal), then the SAM translator in a fixed region and partition, with no
    managed policies to look up (the template uses none) and the code in a stand-in S3 key."""
    from samtranslator.translator.arn_generator import ArnGenerator
    from samtranslator.translator.transform import transform
    template = load_template()
    template['Transform'] = 'AWS::Serverless-2016-10-31'
    template['Resources']['Api']['Properties']['Auth']['ApiKeyRequired'] = require_api_key
    template['Resources']['Function']['Properties']['CodeUri'] = 's3://deploy-bucket/function.zip'

    class NoManagedPolicies:
        def load(self):
            return {}

    with unittest.mock.patch.object(ArnGenerator, 'BOTO_SESSION_REGION_NAME', 'us-east-1'), \
            unittest.mock.patch.dict(os.environ, {'AWS_DEFAULT_REGION': 'us-east-1'}):
        return transform(template, {'RequireApiKey': str(require_api_key).lower()}, NoManagedPolicies())


@unittest.skipUnless(importable('samtranslator'), SKIP_SAM)
class SamTransform(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.plain, cls.keyed = transformed(False), transformed(True)

    def paths(self, template):
        return template['Resources']['Api']['Properties']['Body']['paths']['/DynamoDBManager']

    def test_post_is_a_lambda_proxy_integration(self):
        post = self.paths(self.plain)['post']
        self.assertEqual(post['x-amazon-apigateway-integration']['type'], 'aws_proxy')
        self.assertNotIn('security', post)

    def test_with_the_key_post_needs_it_and_the_preflight_does_not(self):
        paths = self.paths(self.keyed)
        self.assertEqual(paths['post']['security'], [{'api_key': []}])
        self.assertNotIn('security', paths['options'])

    def test_the_preflight_and_the_gateway_responses_carry_the_sites_or_the_parameters_origin(self):
        body = self.plain['Resources']['Api']['Properties']['Body']
        preflight = self.paths(self.plain)['options']['x-amazon-apigateway-integration']['responses']['default']
        self.assertEqual(preflight['responseParameters']['method.response.header.Access-Control-Allow-Origin'], ORIGIN)
        responses = body['x-amazon-apigateway-gateway-responses']
        self.assertIn('DEFAULT_4XX', responses)
        for response in responses.values():
            self.assertEqual(response['responseParameters']['gatewayresponse.header.Access-Control-Allow-Origin'],
                             ORIGIN)

    def test_the_site_and_the_table_pass_through_unchanged(self):
        for name in SITE_RESOURCES + ['Table']:
            self.assertEqual(self.plain['Resources'][name]['Condition'], 'UseSite' if name != 'Table' else 'CreateTable')

    @unittest.skipUnless(shutil.which('cfn-lint'), SKIP_LINT)
    def test_cfn_lint_finds_nothing_in_the_transformed_template(self):
        for name, template in (('without a key', self.plain), ('with a key', self.keyed)):
            with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
                json.dump(template, f)
            try:
                result = subprocess.run(['cfn-lint', f.name], capture_output=True, text=True, timeout=120)
            finally:
                os.unlink(f.name)
            self.assertEqual(result.returncode, 0, name + ':\n' + result.stdout + result.stderr)


@unittest.skipUnless(shutil.which('cfn-lint'), SKIP_LINT)
class Lint(unittest.TestCase):

    def test_cfn_lint_finds_nothing_in_the_template(self):
        result = subprocess.run(['cfn-lint', TEMPLATE], capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == '__main__':
    unittest.main()
