import { testControl } from '../../testing/control-table.js';
import control from './no-ip-only-access-control.js';

const NGINX_IP_ONLY = `server {
  listen 443 ssl;
  location /admin {
    allow 10.0.0.0/8;
    allow 192.168.1.10;
    deny all;   # office only
    proxy_pass http://admin;
  }
}
`;
const NGINX_WITH_AUTH = `server {
  location /admin {
    satisfy all;
    allow 10.0.0.0/8;
    deny all;
    auth_request /oauth2/auth;
  }
  location /metrics {
    auth_basic "metrics";
    auth_basic_user_file /etc/nginx/htpasswd;
    location /metrics/raw {
      allow 10.0.0.0/8;
      deny all;
    }
  }
}
`;
const INGRESS = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: admin
  annotations:
${annotations}spec:
  rules: []
`;
const POLICY = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
const IP_ONLY = { Sid: 'OfficeOnly', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } };

testControl(control, {
  pass: [
    { name: 'nginx allow-list behind authentication', files: { 'nginx/site.conf': NGINX_WITH_AUTH } },
    { name: 'Apache Require ip together with valid-user', files: { 'apache/admin.conf': '<Location /admin>\n  AuthType Basic\n  <RequireAll>\n    Require ip 10.0.0.0/8\n    Require valid-user\n  </RequireAll>\n</Location>\n' } },
    { name: 'Ingress allow-list with auth-url', files: { 'k8s/ing.yaml': INGRESS('    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8\n    nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/oauth2/auth\n') } },
    { name: 'policy with a named principal and an address condition', files: { 'policies/bucket.json': POLICY({ ...IP_ONLY, Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' } }) } },
    { name: 'nginx without allow-lists', files: { 'nginx.conf': 'server { listen 80; location / { root /srv; } }\n' } },
  ],
  fail: [
    { name: 'nginx location with allow and deny all only', files: { 'nginx/site.conf': NGINX_IP_ONLY }, findings: [{ file: 'nginx/site.conf', line: 4, message: 'location /admin admits by source address only (10.0.0.0/8, 192.168.1.10)' }] },
    { name: 'Apache Require ip', files: { 'apache/admin.conf': '<Directory /srv/admin>\n  Require ip 10.0.0.0/8\n</Directory>\n' }, findings: [{ line: 2, message: '<Directory /srv/admin>' }] },
    { name: '.htaccess Allow from / Deny from all', files: { 'public/admin/.htaccess': 'Order deny,allow\nDeny from all\nAllow from 203.0.113.5\n' }, findings: [{ line: 3 }] },
    { name: 'Ingress allow-list annotation alone', files: { 'k8s/ing.yaml': INGRESS('    nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8\n') }, findings: [{ resource: 'Ingress/default/admin', line: 6 }] },
    { name: 'S3 policy open to everyone from an address range', files: { 'policies/bucket.json': POLICY(IP_ONLY) }, findings: [{ message: 'OfficeOnly admits by source address only (203.0.113.0/24)', line: 4 }] },
    {
      name: 'policy heredoc in Terraform',
      files: { 'main.tf': `resource "aws_s3_bucket_policy" "b" {\n  bucket = "b"\n  policy = <<EOF\n${POLICY(IP_ONLY)}\nEOF\n}\n` },
      findings: [{ file: 'main.tf', line: 7, message: 'heredoc: OfficeOnly' }],
    },
  ],
  notApplicable: [
    { name: 'no web-server, ingress or policy files', files: { 'src/app.js': 'x\n', 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } },
    { name: 'an allow-listed Ingress only in test fixtures', files: { 'test/fixtures/ing.yaml': INGRESS('    nginx.ingress.kubernetes.io/allowlist-source-range: 10.0.0.0/8\n') } },
  ],
});
