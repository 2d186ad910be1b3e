import { fingerprintOf } from '../../core/redact.js';
import type { CodeFile, CodeRuleSet, HitInput, ScannedFile } from '../code/code-scan.js';

/** Where real records are most often copied in: fixtures, seeds, sample and test data, dumps. */
export const DATA_PATH = /(^|\/)(fixtures?|seeds?|seeders?|seed[-_]?data|test[-_]?data|testdata|sample[-_]?data|samples|mock[-_]?data|mocks?|dumps?|backups?|exports?)\/|(^|\/)[^/]*(seed|fixture|dump|export|backup)[^/]*\.[a-z]{2,5}$/i;
const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.csv', '.tsv', '.sql']);

const DUMP_HEADER = /^-- (?:MySQL dump|PostgreSQL database dump|Dumped from database version|Dump completed|MariaDB dump)|^COPY [\w."]{1,200} \([^)\n]{0,2000}\) FROM stdin;/m;
const EMAIL = /\b[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})\b/g;
const CARD = /(?<![\d.-])(?:\d[ -]?){12,18}\d(?![\d.-])/g;
const PHONE = /["']?(?:phone|mobile|telephone|tel|cell|msisdn|phone_?number|mobile_?number)["']?\s{0,3}[:=,]\s{0,3}["']?(\+?[\d(][\d ()./-]{6,20}\d)/gi;

/** Formatted Brazilian CPF/CNPJ and UK National Insurance numbers (unformatted runs are too often ids). */
const CPF = /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d-])/g;
const CNPJ = /(?<![\d.])\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}(?![\d-])/g;
const NI_NUMBER = /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

const RESERVED_DOMAIN = /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost|local)$/i;
/** Addresses of systems and roles, not of people. */
const ROLE_MAILBOX = /^(no-?reply|do-?not-?reply|git|postmaster|hostmaster|admin|administrator|support|info|hello|contact|security|abuse|webmaster|root|team|sales|help)$/i;
const FILE_SUFFIX = /^(png|jpe?g|gif|svg|webp|js|css|json|ya?ml|html?|md|txt|ts|py|rb|go)$/i;
/** Issuer prefixes of payment cards: other Luhn-valid digit runs are ids and timestamps. */
const CARD_ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|6(?:011|5))/;
/** The networks' published test numbers, which fixtures are right to use. */
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '5555555555554444', '5105105105105100', '2223003122003222', '5200828282828210', '378282246310005', '371449635398431', '6011111111111117', '6011000990139424', '4000000000000002', '4000000000003220', '4222222222222', '30569309025904', '38520000023237', '3566002020360505', '6200000000000005']);
/** Number ranges set aside for drama and examples (US 555-01xx, UK Ofcom drama ranges, AU 0491 570 xxx). */
const FICTITIOUS_PHONE = /55501\d\d$|7700900\d{3}$|1632960\d{3}$|2079460\d{3}$|1134960\d{3}$|491570\d{3}$|^(\d)\1+$|123456789|0000000/;

export function isDataFile(file: CodeFile): boolean {
  if (!DATA_EXTENSIONS.has(file.ext)) return false;
  return file.ext === '.sql' || DATA_PATH.test(file.path);
}

/** `no-customer-data-in-repo`: dump headers and real-looking personal data in data files; tests included, since fixtures are where such data hides. */
export const customerDataRules: CodeRuleSet = {
  control: 'no-customer-data-in-repo',
  accepts: isDataFile,
  keywords: /@|\d{4}|\d{2} ?\d{2} ?\d{2}|phone|mobile|tel|cell|msisdn|dump|COPY/i,
  scan(file, emit) {
    const header = DUMP_HEADER.exec(file.text);
    if (header) {
      const line = file.text.slice(0, header.index).split('\n').length;
      emit({ line, rule: 'database-dump', message: 'a database dump is committed: dumps hold production records; keep them out of the repository', evidence: header[0].slice(0, 60), key: 'database-dump' });
    }
    if (file.ext === '.sql' && !DATA_PATH.test(file.path) && !/INSERT\s{1,5}INTO|COPY /i.test(file.text)) return;
    personalData(file, emit);
  },
};

function personalData(file: ScannedFile, emit: (hit: HitInput) => void): void {
  file.lines().forEach((line, index) => {
    if (line.length > 2000) return;
    const lineNumber = index + 1;
    for (const match of line.matchAll(EMAIL)) {
      const address = match[0];
      const domain = match[1] ?? '';
      const local = address.slice(0, address.indexOf('@'));
      if (RESERVED_DOMAIN.test(domain) || ROLE_MAILBOX.test(local) || FILE_SUFFIX.test(domain.slice(domain.lastIndexOf('.') + 1))) continue;
      emit({ line: lineNumber, rule: 'email-address', message: `an e-mail address outside the reserved example domains (${domain}): use example.com, .test or .invalid addresses`, evidence: `${local.slice(0, 1)}***@${domain}`, key: `email:${fingerprintOf(address.toLowerCase())}` });
    }
    for (const match of line.matchAll(CARD)) {
      const digits = match[0].replace(/[ -]/g, '');
      if (digits.length < 13 || digits.length > 19 || !CARD_ISSUER.test(digits) || TEST_CARDS.has(digits) || mostlyOneDigit(digits) || !luhnValid(digits)) continue;
      emit({ line: lineNumber, rule: 'card-number', message: 'a Luhn-valid payment card number: use the card networks\' published test numbers', evidence: `****${digits.slice(-4)}`, key: `card:${fingerprintOf(digits)}` });
    }
    for (const match of line.matchAll(CPF)) {
      const digits = match[0].replace(/\D/g, '');
      if (cpfValid(digits)) emit({ line: lineNumber, rule: 'cpf', message: 'a valid CPF number: use an invalid or generated placeholder that fails the check digits', evidence: `***.***.***-${digits.slice(-2)}`, key: `cpf:${fingerprintOf(digits)}` });
    }
    for (const match of line.matchAll(CNPJ)) {
      const digits = match[0].replace(/\D/g, '');
      if (cnpjValid(digits)) emit({ line: lineNumber, rule: 'cnpj', message: 'a valid CNPJ number: use a placeholder that fails the check digits', evidence: `**.***.***/****-${digits.slice(-2)}`, key: `cnpj:${fingerprintOf(digits)}` });
    }
    for (const match of line.matchAll(NI_NUMBER)) {
      const value = match[0].replace(/ /g, '');
      emit({ line: lineNumber, rule: 'ni-number', message: 'a UK National Insurance number: use the reserved example QQ 12 34 56 C', evidence: `${value.slice(0, 2)}******${value.slice(-1)}`, key: `ni:${fingerprintOf(value)}` });
    }
    for (const match of line.matchAll(PHONE)) {
      const digits = (match[1] ?? '').replace(/\D/g, '');
      if (digits.length < 8 || FICTITIOUS_PHONE.test(digits)) continue;
      emit({ line: lineNumber, rule: 'phone-number', message: 'a real-looking phone number: use a range reserved for fiction (e.g. +1 555 01xx, +44 7700 900xxx)', evidence: `***${digits.slice(-2)}`, key: `phone:${fingerprintOf(digits)}` });
    }
  });
}

function mostlyOneDigit(digits: string): boolean {
  const counts = new Map<string, number>();
  for (const digit of digits) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  return Math.max(...counts.values()) * 2 >= digits.length;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Brazilian CPF check digits (mod 11 over weights 10…2, then 11…2). */
export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number): number => {
    let sum = 0;
    for (let index = 0; index < length; index++) sum += Number(digits[index]) * (length + 1 - index);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

/** Brazilian CNPJ check digits (mod 11 over the weights 5…2,9…2 and 6…2,9…2). */
export function cnpjValid(digits: string): boolean {
  if (!/^\d{14}$/.test(digits) || /^(\d)\1{13}$/.test(digits)) return false;
  const check = (length: number): number => {
    let sum = 0;
    for (let index = 0; index < length; index++) sum += Number(digits[index]) * (((length - 1 - index) % 8) + 2);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return check(12) === Number(digits[12]) && check(13) === Number(digits[13]);
}
