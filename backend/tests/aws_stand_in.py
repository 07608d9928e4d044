"""A recording stand-in for the `aws` and `sam` commands, for testing scripts/deploy
without an AWS account: each call is appended to $STAND_IN_RECORD as a JSON line
{"tool", "argv"}, and the answers come from a small simulated account kept in
$STAND_IN_STATE (JSON): whether credentials and a configured region exist,
whether `sam deploy` fails, and the stack that `sam deploy` creates (its outputs
follow from the parameters it was given, as CloudFormation's would).

Usage (through the wrappers test_deploy.py writes): aws_stand_in.py aws|sam ARGS...
"""
import json
import os
import re
import sys


def load_state():
    with open(os.environ['STAND_IN_STATE'], encoding='utf-8') as f:
        return json.load(f)


def save_state(state):
    with open(os.environ['STAND_IN_STATE'], 'w', encoding='utf-8') as f:
        json.dump(state, f)


def option(argv, name):
    return argv[argv.index(name) + 1] if name in argv else None


def fail(message, code=255):
    print(message, file=sys.stderr)
    return code


def stack_description(name, parameters, region):
    """What describe-stacks says about a stack deployed with `parameters`."""
    table = parameters.get('ExistingTableName') or '{}-Table-1A2B3C4D5E6F'.format(name)
    outputs = {'InvokeUrl': 'https://abc123defg.execute-api.{}.amazonaws.com/prod/DynamoDBManager'.format(region),
               'TableName': table, 'FunctionName': name + '-DynamoDBManager'}
    if parameters.get('HostSite') == 'true':
        outputs.update({'SiteUrl': 'https://d111111abcdef8.cloudfront.net/', 'SiteBucketName': name + '-sitebucket-xyz',
                        'SiteDistributionId': 'E2QWRUHEXAMPLE'})
    if parameters.get('RequireApiKey') == 'true':
        outputs['ApiKeyId'] = 'k3y1d'
    return {'StackName': name, 'Outputs': [{'OutputKey': k, 'OutputValue': v} for k, v in outputs.items()],
            'Parameters': [{'ParameterKey': k, 'ParameterValue': v} for k, v in parameters.items()]}


def aws(argv, state):
    if argv[:3] == ['configure', 'get', 'region']:
        if state.get('configured_region'):
            print(state['configured_region'])
            return 0
        return 1
    if argv[:2] == ['sts', 'get-caller-identity']:
        if not state.get('credentials', True):
            return fail('Unable to locate credentials. You can configure credentials by running "aws configure".')
        print(json.dumps({'UserId': 'AIDAEXAMPLE', 'Account': '123456789012',
                          'Arn': 'arn:aws:iam::123456789012:user/tester'}))
        return 0
    if argv[:2] == ['cloudformation', 'describe-stacks']:
        name = option(argv, '--stack-name')
        stack = state.get('stacks', {}).get(name)
        if stack is None:
            return fail('An error occurred (ValidationError) when calling the DescribeStacks operation: '
                        'Stack with id {} does not exist'.format(name), 254)
        print(json.dumps(stack))
        return 0
    if argv[:2] in (['s3', 'sync'], ['s3', 'rm'], ['cloudfront', 'create-invalidation']):
        print('ok')
        return 0
    return fail('aws stand-in: no answer for {}'.format(argv), 2)


def sam(argv, state):
    if argv[:1] == ['deploy']:
        if state.get('sam_deploy_fails'):
            return fail('Error: Failed to create changeset for the stack: ' + option(argv, '--stack-name'), 1)
        if not os.path.isfile(option(argv, '--template-file')):
            return fail('Error: template file not found', 1)
        overrides = option(argv, '--parameter-overrides') or ''
        parameters = {key: '' if value == '""' else value
                      for key, value in re.findall(r'ParameterKey=(\w+),ParameterValue=(\S*)', overrides)}
        name = option(argv, '--stack-name')
        state.setdefault('stacks', {})[name] = stack_description(name, parameters, option(argv, '--region'))
        save_state(state)
        print('Successfully created/updated stack - {} in {}'.format(name, option(argv, '--region')))
        return 0
    if argv[:1] == ['delete']:
        state.get('stacks', {}).pop(option(argv, '--stack-name'), None)
        save_state(state)
        print('Deleted successfully')
        return 0
    return fail('sam stand-in: no answer for {}'.format(argv), 2)


def main():
    tool, argv = sys.argv[1], sys.argv[2:]
    with open(os.environ['STAND_IN_RECORD'], 'a', encoding='utf-8') as f:
        f.write(json.dumps({'tool': tool, 'argv': argv}) + '\n')
    state = load_state()
    return (aws if tool == 'aws' else sam)(argv, state)


if __name__ == '__main__':
    sys.exit(main())
