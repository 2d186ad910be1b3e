import { testControl } from '../../testing/control-table.js';
import control from './tf-keys-hsm-backed.js';

const cloudHsm = 'resource "aws_cloudhsm_v2_cluster" "hsm" {\n  hsm_type = "hsm1.medium"\n}\nresource "aws_kms_custom_key_store" "store" {\n  cloud_hsm_cluster_id = aws_cloudhsm_v2_cluster.hsm.cluster_id\n}\n';

testControl(control, {
  pass: [
    {
      name: 'customer-managed KMS key, GCP HSM key, Azure RSA-HSM key',
      files: {
        'keys.tf':
          'resource "aws_kms_key" "k" {}\nresource "google_kms_crypto_key" "g" {\n  version_template {\n    algorithm        = "GOOGLE_SYMMETRIC_ENCRYPTION"\n    protection_level = "HSM"\n  }\n}\nresource "azurerm_key_vault_key" "a" {\n  key_type = "RSA-HSM"\n}\n',
      },
    },
    {
      name: 'dedicated HSM required: key in a CloudHSM custom key store',
      files: { 'keys.tf': `${cloudHsm}resource "aws_kms_key" "k" {\n  custom_key_store_id = aws_kms_custom_key_store.store.id\n}\n` },
      params: { requireDedicatedHsm: true },
    },
  ],
  fail: [
    {
      name: 'imported material, GCP software key, Azure software key',
      files: { 'keys.tf': 'resource "aws_kms_external_key" "x" {}\nresource "google_kms_crypto_key" "g" {\n  name = "g"\n}\nresource "azurerm_key_vault_key" "a" {\n  key_type = "RSA"\n}\n' },
      findings: [
        { resource: 'aws_kms_external_key.x', line: 1, message: 'imported' },
        { resource: 'google_kms_crypto_key.g', line: 2, message: 'SOFTWARE' },
        { resource: 'azurerm_key_vault_key.a', line: 6, message: 'RSA-HSM' },
      ],
    },
    {
      name: 'dedicated HSM required: plain KMS key and an external key store',
      files: {
        'keys.tf': 'resource "aws_kms_key" "plain" {}\nresource "aws_kms_custom_key_store" "xks" {\n  custom_key_store_type = "EXTERNAL_KEY_STORE"\n}\nresource "aws_kms_key" "ext" {\n  custom_key_store_id = aws_kms_custom_key_store.xks.id\n}\n',
      },
      params: { requireDedicatedHsm: true },
      findings: [
        { resource: 'aws_kms_key.plain', line: 1, message: 'custom_key_store_id is not set' },
        { resource: 'aws_kms_key.ext', line: 6, message: 'external key store' },
      ],
    },
  ],
  notApplicable: [{ name: 'no keys', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {}\n' } }],
  unknown: [
    {
      name: 'GCP protection level from a variable',
      files: { 'keys.tf': 'variable "level" {}\nresource "google_kms_crypto_key" "g" {\n  version_template {\n    protection_level = var.level\n  }\n}\n' },
      findings: [{ outcome: 'unknown', resource: 'google_kms_crypto_key.g', line: 4 }],
    },
    {
      name: 'dedicated HSM required: store id of a store declared elsewhere',
      files: { 'keys.tf': 'resource "aws_kms_key" "k" {\n  custom_key_store_id = "cks-1234567890abcdef0"\n}\n' },
      params: { requireDedicatedHsm: true },
      findings: [{ outcome: 'unknown', line: 2 }],
    },
  ],
});
