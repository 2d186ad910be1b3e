import { testControl } from '../../testing/control-table.js';
import control from './no-plaintext-transport.js';

const INGRESS = (tls: string, annotations = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
${annotations}spec:
${tls}  rules:
    - host: shop.example.org
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

testControl(control, {
  pass: [
    {
      name: 'https endpoints, local and reserved hosts, documentation URLs',
      files: {
        'src/api.ts': "const API = 'https://api.shop.io/v1';\nconst dev = 'http://localhost:3000';\nconst local = 'http://127.0.0.1:8080';\nconst demo = 'http://api.example.com';\nconst svc = 'http://orders.default.svc.cluster.local';\nconst compose = 'redis://cache:6379';\n",
        'src/view.tsx': '<svg xmlns="http://www.w3.org/2000/svg" />\n<a href="http://twitter.com/acme">us</a>\n',
        'api/openapi.yaml': 'info:\n  termsOfService: http://swagger.io/terms/\n',
        'config/app.yaml': 'upstream: https://payments.acme.io\nhomepage: http://acme.io\n',
        'src/notes.py': '# see http://legacy.acme.io for the old API\nURL = "https://acme.io"\nhomepage_url = "http://acme.io"\n    >>> requests.get("http://acme.io")\nif ctx.verify_mode == ssl.CERT_NONE:\n    pass\ndef fetch(url, verify=False):\n    pass\n',
        'schema/thing.json': '{ "$schema": "http://json-schema.org/draft-07/schema#", "$id": "http://acme.io/thing.json" }\n',
        'package.json': '{ "homepage": "http://acme.io" }\n',
        'k8s/ingress.yaml': INGRESS('  tls:\n    - hosts: [shop.example.org]\n      secretName: web-tls\n'),
      },
    },
    { name: 'an Ingress whose load balancer terminates TLS', files: { 'k8s/ingress.yaml': INGRESS('', '  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:1:certificate/x\n') } },
    { name: 'a prose description naming the settings', files: { 'policy.yaml': 'evidence: "no TLS verification disabled anywhere in the code base (NODE_TLS_REJECT_UNAUTHORIZED=0, rejectUnauthorized:false, verify=False, sslmode=disable) and so on"\n' } },
    { name: 'insecure settings only in tests', files: { 'test/client.test.js': "new https.Agent({ rejectUnauthorized: false });\nfetch('http://api.shop.io');\n", 'src/a.js': 'export {};\n' } },
  ],
  fail: [
    { name: 'http endpoint in code', files: { 'src/api.ts': "export const API = 'http://api.shop.io/v1';\n" }, findings: [{ file: 'src/api.ts', line: 1, message: 'api.shop.io', evidence: 'http://api.shop.io/v1' }] },
    { name: 'redis and amqp URLs in config, credentials redacted', files: { '.env.example': 'REDIS_URL=redis://:hunter2secret@cache.acme.io:6379\nAMQP_URL=amqp://mq.acme.io\n' }, findings: [{ evidence: 'redis://:***@cache.acme.io:6379', message: 'rediss://' }, { message: 'amqps://' }] },
    { name: 'sslmode=disable in a connection string', files: { 'config/db.yml': 'url: postgres://app@db.acme.io/app?sslmode=disable\n' }, findings: [{ message: 'sslmode' }] },
    { name: 'tls off in YAML', files: { 'config/mail.yaml': 'smtp:\n  host: smtp.acme.io\n  tls: false\n' }, findings: [{ line: 3 }] },
    {
      name: 'certificate verification disabled four ways',
      files: {
        'src/client.js': "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nconst agent = new https.Agent({ rejectUnauthorized: false });\n",
        'app/fetch.py': 'requests.get(url, verify=False)\nctx.verify_mode = ssl.CERT_NONE\n',
        'main.go': 'cfg := &tls.Config{InsecureSkipVerify: true}\n',
      },
      findings: 5,
    },
    { name: 'an API base URL and a websocket in code', files: { 'src/config.py': 'API_BASE = "http://api.acme.io/v2"\n', 'src/live.js': "const socket = new WebSocket('ws://live.acme.io/feed');\n" }, findings: 2 },
    { name: 'curl -k in a script', files: { 'deploy.sh': 'curl -sk https://api.acme.io/health\n' }, findings: [{ message: 'certificate' }] },
    { name: 'Ingress without tls', files: { 'k8s/ingress.yaml': INGRESS('') }, findings: [{ resource: 'Ingress/default/web', message: 'no spec.tls' }] },
    { name: 'plaintext script in a template', files: { 'templates/base.html': '<script src="http://cdn.acme.io/app.js"></script>\n<a href="http://acme.io/docs">docs</a>\n' }, findings: 1 },
  ],
  notApplicable: [{ name: 'only documentation', files: { 'README.md': 'Visit http://acme.io\n' } }],
});
