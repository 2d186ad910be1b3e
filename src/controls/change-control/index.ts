import type { Control } from '../../engine/control.js';
import commitsAreSigned from './commits-are-signed.js';
import changesArriveViaPullRequests from './changes-arrive-via-pull-requests.js';

/** The change-control controls; one file each, registered here. */
export const controls: Control[] = [commitsAreSigned, changesArriveViaPullRequests];
