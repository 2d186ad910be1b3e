import path from 'node:path';
import { defineCollector } from '../collector.js';
import type { Subject } from '../../core/subject.js';
import { isRecord } from '../../core/records.js';

/** A service of a Compose file that pulls an image (services with `build:` make their own). */
/** A Compose service that pulls an image: the subject of findings about it, at `services.NAME`. */
export interface ComposeImage extends Subject {
  file: string;
  service: string;
  address: string;
  image: string;
  /** Line of its `image:`. */
  line: number;
}

/** docker-compose.yml, docker-compose.prod.yaml, compose.yml, compose.override.yaml … */
export function isComposeFileName(file: string): boolean {
  return /^(?:docker-)?compose(?:\.[^/]{1,100})?\.ya?ml$/i.test(path.posix.basename(file));
}

export const composeImageFacts = defineCollector<ComposeImage[]>({
  id: 'compose-images',
  description: 'Images pulled by the services of Docker Compose files',
  collect({ repo }) {
    const images: ComposeImage[] = [];
    for (const entry of repo.files) {
      if (!isComposeFileName(entry.path)) continue;
      const document = repo.yaml(entry.path)?.[0];
      const services = document && isRecord(document.value) ? document.value.services : undefined;
      if (!document || !isRecord(services)) continue;
      for (const [service, definition] of Object.entries(services)) {
        if (!isRecord(definition) || typeof definition.image !== 'string' || definition.build !== undefined) continue;
        const line = document.lineOf(['services', service, 'image']) ?? 1;
        images.push({ file: entry.path, service, address: `services.${service}`, image: definition.image, line });
      }
    }
    return images;
  },
});
