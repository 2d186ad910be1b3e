import { testControl } from '../../testing/control-table.js';
import control from './tf-kms-key-rotation-enabled.js';

testControl(control, {
  pass: [
    {
      name: 'GCP key with a rotation period and an Azure key with a rotation policy',
      files: { 'main.tf': 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "7776000s"\n}\nresource "azurerm_key_vault_key" "k" {\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n  }\n}\n' },
    },
    { name: 'rotation on', files: { 'kms.tf': 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' } },
    { name: 'rotation from a local', files: { 'kms.tf': 'locals {\n  rotate = true\n}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = local.rotate\n}\nresource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n}\n' } },
  ],
  fail: [
    {
      name: 'GCP and Azure keys that never rotate',
      files: { 'main.tf': 'resource "google_kms_crypto_key" "k" {\n  name = "k"\n}\nresource "azurerm_key_vault_key" "k" {\n  name = "k"\n}\n' },
      findings: [{ resource: 'google_kms_crypto_key.k', line: 1 }, { resource: 'azurerm_key_vault_key.k', line: 4 }],
    },
    {
      name: 'rotation absent and rotation off',
      files: { 'kms.tf': 'resource "aws_kms_key" "a" {\n  description = "a"\n}\n\nresource "aws_kms_key" "b" {\n  enable_key_rotation = false\n}\n' },
      findings: [
        { resource: 'aws_kms_key.a', line: 1, message: 'enable_key_rotation is not set' },
        { resource: 'aws_kms_key.b', line: 6 },
      ],
    },
  ],
  notApplicable: [
    { name: 'no keys', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } },
    { name: 'only an asymmetric key', files: { 'main.tf': 'resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "ECC_NIST_P256"\n}\n' } },
  ],
  unknown: [
    {
      name: 'rotation flag from a variable set differently per environment',
      files: { 'main.tf': 'variable "rotate" {}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = var.rotate\n}\n', 'dev.tfvars': 'rotate = false\n', 'prod.tfvars': 'rotate = true\n' },
      findings: [{ outcome: 'unknown', message: 'differs between dev.tfvars and prod.tfvars' }],
    },
  ],
});
