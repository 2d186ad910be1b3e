import type { Control } from '../../engine/control.js';
import dockerfileRunsAsNonRoot from './dockerfile-runs-as-non-root.js';
import dockerfileBaseImagePinned from './dockerfile-base-image-pinned.js';
import dockerfileBaseImageMinimal from './dockerfile-base-image-minimal.js';
import dockerfileHealthcheckDefined from './dockerfile-healthcheck-defined.js';
import dockerfileNoSecretsInBuild from './dockerfile-no-secrets-in-build.js';
import dockerfileNoRemoteAdd from './dockerfile-no-remote-add.js';
import dockerfileNoSshExposed from './dockerfile-no-ssh-exposed.js';
import baseImagesFromTrustedSources from './base-images-from-trusted-sources.js';
import installCommandsUseTrustedSources from './install-commands-use-trusted-sources.js';
import noVerificationBypassInInstalls from './no-verification-bypass-in-installs.js';

/** The containers controls; one file each, registered here. */
export const controls: Control[] = [
  dockerfileRunsAsNonRoot,
  dockerfileBaseImagePinned,
  dockerfileBaseImageMinimal,
  dockerfileHealthcheckDefined,
  dockerfileNoSecretsInBuild,
  dockerfileNoRemoteAdd,
  dockerfileNoSshExposed,
  baseImagesFromTrustedSources,
  installCommandsUseTrustedSources,
  noVerificationBypassInInstalls,
];
