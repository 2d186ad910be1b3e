import { testControl } from '../../testing/control-table.js';
import control from './tf-no-unrestricted-admin-ingress.js';

testControl(control, {
  pass: [
    {
      name: 'HTTPS open to the world, SSH only from the office, egress anywhere',
      files: {
        'sg.tf': 'resource "aws_security_group" "web" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n    ipv6_cidr_blocks = ["::/0"]\n  }\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["203.0.113.0/24"]\n  }\n  egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      },
    },
    {
      name: 'database port open only to the application security group; ICMP from anywhere',
      files: {
        'sg.tf': 'resource "aws_vpc_security_group_ingress_rule" "db" {\n  referenced_security_group_id = aws_security_group.app.id\n  ip_protocol = "tcp"\n  from_port = 5432\n  to_port = 5432\n}\nresource "aws_security_group_rule" "ping" {\n  type = "ingress"\n  protocol = "icmp"\n  from_port = -1\n  to_port = -1\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      },
    },
  ],
  fail: [
    {
      name: 'SSH to the world inline, all traffic over IPv6 via a rule, a range containing 3389',
      files: {
        'sg.tf': 'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\nresource "aws_vpc_security_group_ingress_rule" "all" {\n  security_group_id = aws_security_group.bastion.id\n  ip_protocol = "-1"\n  cidr_ipv6 = "::/0"\n}\nresource "aws_security_group_rule" "range" {\n  type = "ingress"\n  from_port = 3000\n  to_port = 4000\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
      },
      findings: [
        { resource: 'aws_security_group.bastion', line: 6, message: 'allows 22 from 0.0.0.0/0' },
        { resource: 'aws_vpc_security_group_ingress_rule.all', line: 12, message: 'all ports' },
        { resource: 'aws_security_group_rule.range', line: 19, message: '3306, 3389' },
      ],
    },
    {
      name: 'dynamic ingress blocks from a variable default, Azure NSG rule and GCP firewall',
      files: {
        'main.tf': 'variable "admin_ports" { default = [22, 5432] }\nresource "aws_security_group" "sg" {\n  dynamic "ingress" {\n    for_each = var.admin_ports\n    content {\n      from_port = ingress.value\n      to_port = ingress.value\n      protocol = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\nresource "azurerm_network_security_rule" "rdp" {\n  direction = "Inbound"\n  access = "Allow"\n  protocol = "Tcp"\n  destination_port_range = "3389"\n  source_address_prefix = "*"\n}\nresource "google_compute_firewall" "ssh" {\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports = ["22"]\n  }\n}\n',
      },
      findings: [
        { resource: 'aws_security_group.sg', line: 9, message: 'allows 22 from' },
        { resource: 'azurerm_network_security_rule.rdp', line: 18 },
        { resource: 'google_compute_firewall.ssh', line: 21 },
      ],
    },
    {
      name: 'the default security group opened to RDP',
      files: { 'sg.tf': 'resource "aws_default_security_group" "default" {\n  ingress {\n    protocol = "tcp"\n    from_port = 3389\n    to_port = 3389\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n' },
      findings: [{ resource: 'aws_default_security_group.default', line: 6, message: 'allows 3389 from ::/0' }],
    },
  ],
  notApplicable: [
    { name: 'no security groups', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } },
    { name: 'a security group with egress only', files: { 'main.tf': 'resource "aws_security_group" "out" {\n  egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' } },
  ],
  unknown: [
    {
      name: 'CIDRs from a variable without a default',
      files: { 'main.tf': 'variable "allowed" {}\nresource "aws_security_group_rule" "ssh" {\n  type = "ingress"\n  from_port = 22\n  to_port = 22\n  protocol = "tcp"\n  cidr_blocks = var.allowed\n}\n' },
      findings: [{ outcome: 'unknown', line: 7 }],
    },
  ],
});
