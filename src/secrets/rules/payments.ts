import type { SecretRule } from '../types.js';
import { ALNUM, BASE64URL, HEX, HEX_ANY, LOWER_ALNUM, UUID, assigned, chars, lit, oneOf, token } from './define.js';

const F = 'payments';

/** Payment processors and commerce platforms. */
export const paymentRules: SecretRule[] = [
  token(F, 'stripe-secret-key', 'Stripe secret key', [oneOf('sk_live_', 'sk_test_'), chars(ALNUM, 10, 247)]),
  token(F, 'stripe-restricted-key', 'Stripe restricted key', [oneOf('rk_live_', 'rk_test_'), chars(ALNUM, 10, 247)]),
  token(F, 'stripe-webhook-secret', 'Stripe webhook signing secret', [lit('whsec_'), chars(ALNUM, 32, 64)]),
  token(F, 'square-access-token', 'Square access token', [oneOf('EAAA', 'sq0atp-'), chars(BASE64URL, 22, 60)], { entropy: 3.8 }),
  token(F, 'square-oauth-secret', 'Square OAuth application secret', [lit('sq0csp-'), chars(BASE64URL, 43)]),
  token(F, 'braintree-access-token', 'PayPal Braintree access token', [lit('access_token$production$'), chars(LOWER_ALNUM, 16), lit('$'), chars(HEX, 32)]),
  token(F, 'braintree-sandbox-access-token', 'PayPal Braintree sandbox access token', [lit('access_token$sandbox$'), chars(LOWER_ALNUM, 16), lit('$'), chars(HEX, 32)]),
  assigned(F, 'braintree-private-key', 'Braintree private key', ['braintree_private_key', 'bt_private_key', 'braintree'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'paypal-client-secret', 'PayPal REST client secret', ['paypal_secret', 'paypal_client_secret', 'paypal'], [chars(BASE64URL, 80)], { entropy: 4.2 }),
  token(F, 'shopify-access-token', 'Shopify Admin API access token', [lit('shpat_'), chars(HEX_ANY, 32)]),
  token(F, 'shopify-custom-app-token', 'Shopify custom app access token', [lit('shpca_'), chars(HEX_ANY, 32)]),
  token(F, 'shopify-private-app-token', 'Shopify private app access token', [lit('shppa_'), chars(HEX_ANY, 32)]),
  token(F, 'shopify-shared-secret', 'Shopify app shared secret', [lit('shpss_'), chars(HEX_ANY, 32)]),
  token(F, 'plaid-access-token', 'Plaid access token', [lit('access-'), oneOf('sandbox-', 'development-', 'production-'), ...UUID]),
  assigned(F, 'plaid-secret', 'Plaid API secret', ['plaid_secret', 'plaid'], [chars(LOWER_ALNUM, 30)], { entropy: 3.5 }),
  assigned(F, 'adyen-api-key', 'Adyen API key', ['adyen'], [lit('AQE'), chars(`${BASE64URL}+/=`, 60, 300)], { entropy: 4 }),
  assigned(F, 'coinbase-api-secret', 'Coinbase API secret', ['coinbase'], [chars(BASE64URL, 64)], { entropy: 4 }),
  token(F, 'flutterwave-secret-key', 'Flutterwave secret key', [oneOf('FLWSECK_TEST-', 'FLWSECK-'), chars(HEX, 32), lit('-X')]),
  token(F, 'flutterwave-encryption-key', 'Flutterwave encryption key', [oneOf('FLWSECK_TEST', 'FLWSECK'), chars(HEX, 12)], { after: `${ALNUM}-` }),
  assigned(F, 'razorpay-key-secret', 'Razorpay key secret', ['razorpay'], [chars(ALNUM, 24)], { entropy: 3.8 }),
  assigned(F, 'gocardless-access-token', 'GoCardless access token', ['gocardless'], [oneOf('live_', 'sandbox_'), chars(`${BASE64URL}=`, 40)], { entropy: 4 }),
  assigned(F, 'mollie-api-key', 'Mollie API key', ['mollie'], [oneOf('live_', 'test_'), chars(ALNUM, 30)], { entropy: 3.8 }),
  token(F, 'easypost-api-key', 'EasyPost production API key', [lit('EZAK'), chars(LOWER_ALNUM, 54)]),
  token(F, 'easypost-test-api-key', 'EasyPost test API key', [lit('EZTK'), chars(LOWER_ALNUM, 54)]),
  token(F, 'duffel-api-token', 'Duffel API token', [oneOf('duffel_test_', 'duffel_live_'), chars(`${BASE64URL}=`, 43)]),
  token(F, 'shippo-api-token', 'Shippo API token', [oneOf('shippo_live_', 'shippo_test_'), chars(HEX, 40)]),
  assigned(F, 'lob-api-key', 'Lob API key', ['lob_api_key', 'lob_key'], [oneOf('live_', 'test_'), chars(HEX, 35)]),
  assigned(F, 'checkout-secret-key', 'Checkout.com secret key', ['checkout_secret', 'cko_secret'], [oneOf('sk_', 'sk_sbox_'), chars(LOWER_ALNUM, 26)]),
  assigned(F, 'paystack-secret-key', 'Paystack secret key', ['paystack'], [oneOf('sk_live_', 'sk_test_'), chars(HEX, 40)]),
  assigned(F, 'klarna-api-secret', 'Klarna API credentials', ['klarna'], [chars(`${BASE64URL}`, 30, 80)], { entropy: 4 }),
  assigned(F, 'authorize-net-transaction-key', 'Authorize.Net transaction key', ['transaction_key', 'authorizenet', 'authorize_net'], [chars(ALNUM, 16)], { entropy: 3.5 }),
  assigned(F, 'wise-api-token', 'Wise (TransferWise) API token', ['transferwise', 'wise_api_token'], UUID),
  assigned(F, 'lemonsqueezy-api-key', 'Lemon Squeezy API key', ['lemonsqueezy', 'lemon_squeezy'], [lit('eyJ'), chars(`${BASE64URL}.`, 100, 2000)], { entropy: 4.5 }),
  assigned(F, 'recurly-api-key', 'Recurly API key', ['recurly'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'chargebee-api-key', 'Chargebee API key', ['chargebee'], [oneOf('live_', 'test_'), chars(ALNUM, 32, 40)], { entropy: 3.8 }),
];
