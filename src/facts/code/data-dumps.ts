import path from 'node:path';
import { defineCollector } from '../collector.js';
import { classify } from './code-scan.js';
import { isDataFile } from '../code-rules/customer-data.js';

export interface DumpFile {
  file: string;
  kind: 'database-dump' | 'backup' | 'sqlite-database';
}

export interface DataDumpFacts {
  dumps: DumpFile[];
  /** Data files (SQL, and JSON/YAML/CSV in fixture, seed and sample paths) the code scan reads for personal data. */
  dataFiles: number;
}

const DUMP_NAME = /\.(dump|sql\.gz|sql\.bz2|sql\.xz|sql\.zst|dump\.gz)$/i;
const BACKUP_NAME = /\.bak$/i;
const SQLITE_NAME = /\.(sqlite|sqlite3|db|db3)$/i;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Database dumps, backups and SQLite databases committed to the tree (by name, and by header for SQLite). */
export const dataDumpFacts = defineCollector<DataDumpFacts>({
  id: 'data-dumps',
  description: 'Database dumps, .bak backups and SQLite database files in the tree, and how many data files there are',
  collect({ repo }) {
    const dumps: DumpFile[] = [];
    let dataFiles = 0;
    for (const { path: file } of repo.files) {
      const base = path.posix.basename(file);
      if (DUMP_NAME.test(base)) dumps.push({ file, kind: 'database-dump' });
      else if (BACKUP_NAME.test(base)) dumps.push({ file, kind: 'backup' });
      else if (SQLITE_NAME.test(base)) {
        const head = repo.readHead(file, SQLITE_HEADER.length);
        if (head?.equals(SQLITE_HEADER)) dumps.push({ file, kind: 'sqlite-database' });
      }
      const info = classify(file);
      if (info && isDataFile(info)) dataFiles++;
    }
    return { dumps, dataFiles };
  },
});
