"""scripts/deploy, run as a person runs it, with recording stand-ins for `aws` and
`sam` on PATH (aws_stand_in.py): its argument handling, the commands it runs and
in which order, what it says when the AWS CLI, SAM, credentials or a region are
missing, the config.json it writes, the upload, and --delete.

Without an AWS account this is the only kind of test possible: nothing here
proves that CloudFormation accepts the stack or that the site loads from
CloudFront. The template itself is checked offline by test_template.py (SAM
transform and cfn-lint); README.md's "Deploy to AWS" says what was tried for
real and what was not."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from support import ROOT

DEPLOY = os.path.join(ROOT, 'scripts', 'deploy')
STAND_IN = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'aws_stand_in.py')
TEMPLATE = os.path.join(ROOT, 'backend', 'template.yaml')


class DeployScript(unittest.TestCase):

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.dir = folder.name
        self.bin = os.path.join(self.dir, 'bin')
        os.mkdir(self.bin)
        self.record = os.path.join(self.dir, 'record.jsonl')
        self.state_file = os.path.join(self.dir, 'state.json')
        self.set_state({})
        self.site = os.path.join(self.dir, 'web')  # a stand-in build: deploying never builds wasm here
        os.mkdir(self.site)
        for name, text in (('index.html', '<!doctype html>'), ('index.js', '//'), ('index.wasm', 'wasm'),
                           ('config.json', '{"endpoint": "http://127.0.0.1:3000/prod/DynamoDBManager"}'),
                           ('favicon.svg', '<svg/>')):
            with open(os.path.join(self.site, name), 'w') as f:
                f.write(text)
        self.out = os.path.join(self.dir, 'published')

    def install(self, *tools):
        for tool in tools:
            path = os.path.join(self.bin, tool)
            with open(path, 'w') as f:
                f.write('#!/bin/sh\nexec "{}" "{}" {} "$@"\n'.format(sys.executable, STAND_IN, tool))
            os.chmod(path, 0o755)

    def set_state(self, state):
        with open(self.state_file, 'w') as f:
            json.dump(state, f)

    def deploy(self, *args, region='us-east-1', stdin=''):
        """Runs scripts/deploy with only the stand-ins on PATH and no AWS settings but
        `region`; returns (exit code, stdout, stderr)."""
        env = {'PATH': self.bin, 'HOME': self.dir, 'STAND_IN_RECORD': self.record, 'STAND_IN_STATE': self.state_file}
        if region:
            env['AWS_REGION'] = region
        result = subprocess.run([sys.executable, DEPLOY, '--site-out', self.out] + list(args), env=env, input=stdin,
                                capture_output=True, text=True, timeout=60)
        return result.returncode, result.stdout, result.stderr

    def calls(self):
        if not os.path.exists(self.record):
            return []
        with open(self.record) as f:
            return [json.loads(line) for line in f]

    def commands(self, tool, *words):
        """The recorded argv lists of `tool` that start with `words`."""
        return [c['argv'] for c in self.calls() if c['tool'] == tool and c['argv'][:len(words)] == list(words)]

    def config(self):
        with open(os.path.join(self.out, 'config.json')) as f:
            return json.load(f)

    # ---- what is missing

    def test_without_aws_and_sam_it_says_how_to_get_both_and_runs_nothing(self):
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 2)
        self.assertIn('the AWS CLI (aws) is not installed. On Debian: apt-get install awscli', err)
        self.assertIn('the AWS SAM CLI (sam) is not installed', err)
        self.assertIn('pip install aws-sam-cli', err)
        self.assertEqual(self.calls(), [])

    def test_without_sam_it_names_sam_only(self):
        self.install('aws')
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 2)
        self.assertIn('SAM CLI (sam) is not installed', err)
        self.assertNotIn('AWS CLI (aws) is not installed', err)

    def test_without_a_region_it_says_how_to_set_one(self):
        self.install('aws', 'sam')
        code, _, err = self.deploy('--site-dir', self.site, region=None)
        self.assertEqual(code, 2)
        self.assertIn('no AWS region: pass --region', err)
        self.assertEqual(self.commands('aws', 'configure', 'get', 'region'), [['configure', 'get', 'region']])
        self.assertEqual(self.commands('sam'), [])

    def test_the_region_of_aws_configure_is_used(self):
        self.install('aws', 'sam')
        self.set_state({'configured_region': 'eu-central-1'})
        code, out, err = self.deploy('--site-dir', self.site, region=None)
        self.assertEqual(code, 0, err)
        self.assertEqual(self.commands('sam', 'deploy')[0][self.commands('sam', 'deploy')[0].index('--region') + 1],
                         'eu-central-1')
        self.assertIn('region eu-central-1', out)

    def test_the_region_flag_wins(self):
        self.install('aws', 'sam')
        code, _, err = self.deploy('--site-dir', self.site, '--region', 'ap-southeast-2', region='us-east-1')
        self.assertEqual(code, 0, err)
        for argv in self.commands('sam') + self.commands('aws', 's3'):
            self.assertEqual(argv[argv.index('--region') + 1], 'ap-southeast-2')

    def test_without_credentials_it_says_what_aws_said_and_what_to_do(self):
        self.install('aws', 'sam')
        self.set_state({'credentials': False})
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 2)
        self.assertIn('no usable AWS credentials (Unable to locate credentials.', err)
        self.assertIn('Run aws configure', err)
        self.assertEqual(self.commands('sam'), [])

    # ---- arguments

    def test_arguments_that_cannot_work_are_refused_before_anything_runs(self):
        self.install('aws', 'sam')
        for args, message in ((['--allowed-origin', 'https://x.example'], '--allowed-origin needs --no-site'),
                              (['--stack-name', '1stack'], '--stack-name must start with a letter'),
                              (['--stack-name', 'a' * 49], 'at most 48'),
                              (['--existing-table', 'no spaces'], '--existing-table must be'),
                              (['--delete', '--no-site'], '--delete takes only')):
            code, _, err = self.deploy(*args)
            self.assertEqual(code, 2, args)
            self.assertIn(message, err)
        self.assertEqual(self.calls(), [])

    def test_a_site_that_was_not_built_stops_the_deploy_before_sam(self):
        self.install('aws', 'sam')
        os.remove(os.path.join(self.site, 'index.wasm'))
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 2)
        self.assertIn('has no index.wasm: build the site first', err)
        self.assertEqual(self.commands('sam'), [])

    # ---- a deploy

    def test_a_default_deploy_runs_sam_without_a_build_writes_the_config_and_publishes_the_site(self):
        self.install('aws', 'sam')
        code, out, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 0, err)
        self.assertEqual([c['argv'][0] for c in self.calls() if c['tool'] == 'sam'], ['deploy'])  # never `sam build`
        self.assertEqual(self.commands('sam', 'deploy'), [[
            'deploy', '--template-file', TEMPLATE, '--stack-name', 'crud-workbench', '--region', 'us-east-1',
            '--resolve-s3', '--capabilities', 'CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND',
            '--no-confirm-changeset', '--no-fail-on-empty-changeset', '--parameter-overrides',
            'ParameterKey=HostSite,ParameterValue=true ParameterKey=ExistingTableName,ParameterValue="" '
            'ParameterKey=AllowedOrigin,ParameterValue=* ParameterKey=RequireApiKey,ParameterValue=false']])
        self.assertEqual(self.config(), {
            'endpoint': 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager',
            'tableName': 'crud-workbench-Table-1A2B3C4D5E6F'})
        self.assertEqual(sorted(os.listdir(self.out)),
                         ['config.json', 'favicon.svg', 'index.html', 'index.js', 'index.wasm'])
        self.assertIn('Site:  https://d111111abcdef8.cloudfront.net/', out)
        self.assertIn('API:   https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager', out)
        self.assertIn('Table: crud-workbench-Table-1A2B3C4D5E6F', out)

    def test_the_site_is_uploaded_with_wasm_and_js_types_then_the_cache_is_cleared(self):
        self.install('aws', 'sam')
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 0, err)
        syncs = self.commands('aws', 's3', 'sync')
        for argv in syncs:
            self.assertEqual(argv[2:6], [self.out, 's3://crud-workbench-sitebucket-xyz/', '--delete', '--region'])
            self.assertEqual(argv[argv.index('--cache-control') + 1], 'no-cache')
        typed = {argv[argv.index('--include') + 1]: argv[argv.index('--content-type') + 1]
                 for argv in syncs if '--include' in argv}
        self.assertEqual(typed, {'*.wasm': 'application/wasm', '*.js': 'text/javascript; charset=utf-8',
                                 '*.html': 'text/html; charset=utf-8', '*.json': 'application/json'})
        rest = [argv for argv in syncs if '--include' not in argv]
        self.assertEqual(len(rest), 1)
        self.assertEqual([rest[0][i + 1] for i, word in enumerate(rest[0]) if word == '--exclude'],
                         ['*.wasm', '*.js', '*.html', '*.json'])
        invalidations = self.commands('aws', 'cloudfront', 'create-invalidation')
        self.assertEqual(len(invalidations), 1)
        self.assertIn('E2QWRUHEXAMPLE', invalidations[0])
        order = [c['argv'][:2] for c in self.calls()]
        self.assertLess(order.index(['s3', 'sync']), order.index(['cloudfront', 'create-invalidation']))

    def test_an_existing_table_and_a_key_reach_the_stack_and_the_page_never_carries_the_key(self):
        self.install('aws', 'sam')
        code, out, err = self.deploy('--site-dir', self.site, '--existing-table', 'lambda-apigateway',
                                     '--require-api-key', '--stack-name', 'wb2')
        self.assertEqual(code, 0, err)
        overrides = self.commands('sam', 'deploy')[0][-1]
        self.assertIn('ParameterKey=ExistingTableName,ParameterValue=lambda-apigateway', overrides)
        self.assertIn('ParameterKey=RequireApiKey,ParameterValue=true', overrides)
        self.assertEqual(self.config()['tableName'], 'lambda-apigateway')
        self.assertEqual(sorted(self.config()), ['endpoint', 'tableName'])
        self.assertIn('aws apigateway get-api-key --api-key k3y1d --include-value', out)
        self.assertIn('Table: lambda-apigateway (existing)', out)

    def test_without_the_site_the_stack_is_api_only_and_nothing_is_uploaded(self):
        self.install('aws', 'sam')
        code, out, err = self.deploy('--no-site', '--allowed-origin', 'https://workbench.example.org')
        self.assertEqual(code, 0, err)
        overrides = self.commands('sam', 'deploy')[0][-1]
        self.assertIn('ParameterKey=HostSite,ParameterValue=false', overrides)
        self.assertIn('ParameterKey=AllowedOrigin,ParameterValue=https://workbench.example.org', overrides)
        self.assertEqual(self.commands('aws', 's3') + self.commands('aws', 'cloudfront'), [])
        self.assertEqual(os.listdir(self.out), ['config.json'])
        self.assertEqual(self.config()['endpoint'],
                         'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager')
        self.assertIn('not hosted by the stack (--no-site)', out)

    def test_a_failed_sam_deploy_writes_and_uploads_nothing(self):
        self.install('aws', 'sam')
        self.set_state({'sam_deploy_fails': True})
        code, _, err = self.deploy('--site-dir', self.site)
        self.assertEqual(code, 2)
        self.assertIn('sam deploy failed', err)
        self.assertFalse(os.path.exists(self.out))
        self.assertEqual(self.commands('aws', 's3'), [])

    # ---- --delete

    def test_delete_empties_the_site_bucket_then_deletes_the_stack_and_the_published_copy(self):
        self.install('aws', 'sam')
        self.assertEqual(self.deploy('--site-dir', self.site)[0], 0)
        code, out, err = self.deploy('--delete', '--yes')
        self.assertEqual(code, 0, err)
        self.assertEqual(self.commands('aws', 's3', 'rm'),
                         [['s3', 'rm', 's3://crud-workbench-sitebucket-xyz/', '--recursive', '--region', 'us-east-1']])
        self.assertEqual(self.commands('sam', 'delete'),
                         [['delete', '--stack-name', 'crud-workbench', '--region', 'us-east-1', '--no-prompts']])
        order = [c['argv'][:2] for c in self.calls()]
        self.assertLess(order.index(['s3', 'rm']), order.index(['delete', '--stack-name']))
        self.assertFalse(os.path.exists(self.out))
        self.assertIn('Deleted stack crud-workbench.', out)

    def test_delete_keeps_an_existing_table_and_says_so(self):
        self.install('aws', 'sam')
        self.deploy('--no-site', '--existing-table', 'lambda-apigateway')
        code, out, _ = self.deploy('--delete', '--yes')
        self.assertEqual(code, 0)
        self.assertEqual(self.commands('aws', 's3', 'rm'), [])  # no site bucket
        self.assertIn('the existing table lambda-apigateway is kept', out)

    def test_delete_asks_first_and_a_no_deletes_nothing(self):
        self.install('aws', 'sam')
        self.deploy('--site-dir', self.site)
        code, out, _ = self.deploy('--delete', stdin='n\n')
        self.assertEqual(code, 1)
        self.assertIn('Delete stack crud-workbench in us-east-1: its API, function and site, and its table', out)
        self.assertIn('Nothing deleted.', out)
        self.assertEqual(self.commands('sam', 'delete') + self.commands('aws', 's3', 'rm'), [])

    def test_delete_of_a_stack_that_does_not_exist_says_so(self):
        self.install('aws', 'sam')
        code, out, _ = self.deploy('--delete', '--yes', '--stack-name', 'never-made')
        self.assertEqual(code, 0)
        self.assertIn('No stack never-made in us-east-1: nothing to delete.', out)
        self.assertEqual(self.commands('sam'), [])


if __name__ == '__main__':
    unittest.main()
