import type { SecretRule } from '../types.js';
import { hasBase62Crc32Suffix, isBase64UserPassword } from '../checksum.js';
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, password, assigned, chars, lit, oneOf, pattern, token } from './define.js';

const F = 'registries';

/** Package registries and artifact stores. */
export const registryRules: SecretRule[] = [
  token(F, 'npm-access-token', 'npm access token', [lit('npm_'), chars(ALNUM, 36)], { validate: hasBase62Crc32Suffix }),
  pattern(F, 'npmrc-auth-token', 'Registry auth token in .npmrc / .yarnrc', String.raw`(?:_authToken|npmAuthToken)["']?\s{0,3}[=:]\s{0,3}["']?([A-Za-z0-9._~+/=-]{20,400})`, {
    keywords: ['_authtoken', 'npmauthtoken'],
    confidence: 'low',
    entropy: 3.5,
  }),
  pattern(F, 'npmrc-auth', 'Registry basic auth (base64 user:password) in .npmrc', String.raw`(?:^|\n|:)_auth\s{0,3}=\s{0,3}["']?([A-Za-z0-9+/]{8,400}={0,2})`, {
    keywords: ['_auth'],
    confidence: 'low',
    validate: isBase64UserPassword,
  }),
  token(F, 'pypi-upload-token', 'PyPI upload token', [lit('pypi-AgEIcHlwaS5vcmc'), chars(BASE64URL, 50, 300)]),
  token(F, 'test-pypi-upload-token', 'Test PyPI upload token', [lit('pypi-AgENdGVzdC5weXBpLm9yZw'), chars(BASE64URL, 50, 300)]),
  token(F, 'rubygems-api-key', 'RubyGems API key', [lit('rubygems_'), chars(HEX, 48)]),
  token(F, 'nuget-api-key', 'NuGet.org API key', [lit('oy2'), chars(LOWER_ALNUM, 43)], { entropy: 3.5 }),
  token(F, 'dockerhub-pat', 'Docker Hub personal access token', [lit('dckr_pat_'), chars(BASE64URL, 27)]),
  token(F, 'dockerhub-oat', 'Docker Hub organization access token', [lit('dckr_oat_'), chars(BASE64URL, 32)]),
  pattern(F, 'docker-config-auth', 'Registry credentials in a Docker config.json (auth: base64 user:password)', String.raw`"auth"\s{0,3}:\s{0,3}"([A-Za-z0-9+/]{12,600}={0,2})"`, {
    keywords: ['"auth"'],
    validate: isBase64UserPassword,
  }),
  token(F, 'packagist-token', 'Private Packagist token', [oneOf('packagist_ort_', 'packagist_out_', 'packagist_uut_'), chars(HEX, 68)]),
  token(F, 'crates-io-token', 'crates.io API token', [lit('cio'), chars(ALNUM, 32)], { entropy: 3.8 }),
  token(F, 'clojars-token', 'Clojars deploy token', [lit('CLOJARS_'), chars(LOWER_ALNUM, 60)]),
  assigned(F, 'gradle-publish-secret', 'Gradle Plugin Portal publishing secret', ['gradle.publish.secret', 'gradle_publish_secret'], [chars(ALNUM, 32)], { entropy: 3.8 }),
  assigned(F, 'gradle-publish-key', 'Gradle Plugin Portal publishing key', ['gradle.publish.key', 'gradle_publish_key'], [chars(ALNUM, 32)], { entropy: 3.8 }),
  assigned(F, 'maven-repository-password', 'Maven / Sonatype repository password or token', ['ossrh_password', 'sonatype_password', 'maven_password', 'nexus_password', 'ossrhpassword', 'sonatypepassword'], password(8, 100), { entropy: 3.2 }),
  assigned(F, 'artifactory-password', 'Artifactory password or access token by name', ['artifactory_password', 'artifactory_api_key', 'artifactory_token', 'jfrog_password', 'jfrog_token'], [chars(BASE64URL, 20, 1200)], { entropy: 3.8 }),
  assigned(F, 'hex-pm-api-key', 'Hex.pm API key', ['hex_api_key'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'pub-dev-token', 'pub.dev credentials', ['pub_token', 'pub_credentials'], [chars(BASE64URL, 30, 200)], { entropy: 4 }),
  assigned(F, 'cocoapods-trunk-token', 'CocoaPods trunk token', ['cocoapods_trunk_token', 'cocoapods_token'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'anaconda-token', 'Anaconda.org token', ['anaconda_token', 'anaconda_api_token', 'binstar_api_token'], [chars(BASE64URL, 30, 100)], { entropy: 4 }),
  assigned(F, 'twine-password', 'Twine (PyPI) password by name', ['twine_password', 'pypi_password', 'pypi_token'], [chars(BASE64URL, 30, 300)], { entropy: 4 }),
  assigned(F, 'cloudsmith-api-key', 'Cloudsmith API key', ['cloudsmith'], [chars(HEX, 40)], { entropy: 3.3 }),
  assigned(F, 'gemfury-token', 'Gemfury push token', ['gemfury', 'fury_token'], [chars(ALNUM, 20)], { entropy: 3.8 }),
  assigned(F, 'quay-robot-token', 'Quay.io robot token', ['quay_token', 'quay_password', 'quay_robot_token'], [chars('A-Z0-9', 64)], { entropy: 4 }),
  assigned(F, 'chocolatey-api-key', 'Chocolatey API key', ['chocolatey', 'choco_api_key'], [chars(HEX, 8), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 4), lit('-'), chars(HEX, 12)]),
];
