import { testControl } from '../../testing/control-table.js';
import control from './no-weak-crypto-primitives.js';

testControl(control, {
  pass: [
    { name: 'SHA-256 and a random IV in Node', files: { 'src/crypto.js': "const h = crypto.createHash('sha256');\nconst iv = crypto.randomBytes(12);\nconst c = crypto.createCipheriv('aes-256-gcm', key, iv);\n" } },
    { name: 'MD5 declared not for security in Python', files: { 'app/etag.py': 'import hashlib\ndigest = hashlib.md5(body, usedforsecurity=False).hexdigest()\n' } },
    { name: 'MD5 for an ETag in Node', files: { 'src/etag.ts': "const etag = createHash('md5').update(body).digest('hex');\n" } },
    { name: 'Math.random for a colour, a list key or tokens of text', files: { 'src/ui.js': 'const hue = Math.floor(Math.random() * 360);\nconst itemKey = Math.random();\nconst tokenizer = pick(Math.random());\n', 'app/nlp.py': 'word = random.choice(tokenized_words)\n' } },
    { name: 'patterns only in tests and comments', files: { 'test/crypto.test.js': "createHash('md5')\n", 'src/a.py': '# never use hashlib.md5(password)\n' } },
    { name: 'AES-GCM in Java', files: { 'src/Main.java': 'Cipher c = Cipher.getInstance("AES/GCM/NoPadding");\nMessageDigest d = MessageDigest.getInstance("SHA-256");\n' } },
  ],
  deviated: [
    {
      name: 'waived inline with a reason',
      files: { 'src/legacy.py': '# tenet:ignore no-weak-crypto-primitives the vendor protocol mandates MD5 for message ids\nh = hashlib.md5(data)\n' },
    },
  ],
  fail: [
    { name: 'MD5 in Python', files: { 'app/auth.py': 'import hashlib\npw = hashlib.md5(password.encode()).hexdigest()\n' }, findings: [{ file: 'app/auth.py', line: 2, message: 'MD5/SHA-1' }] },
    { name: 'SHA-1 in Node and Java', files: { 'src/sign.js': "const s = crypto.createHash('sha1').update(payload);\n", 'src/Sig.java': 'MessageDigest.getInstance("SHA-1");\n' }, findings: 2 },
    { name: 'PHP password hashed with md5', files: { 'login.php': '<?php $hash = md5($password);\n' }, findings: [{ message: 'MD5/SHA-1' }] },
    { name: 'DES, RC4 and ECB', files: { 'src/c.js': "crypto.createCipheriv('des-ede3-cbc', key, iv);\ncrypto.createCipheriv('aes-128-ecb', key, null);\n", 'src/c.go': 'block, _ := des.NewCipher(key)\nrc4.NewCipher(key)\n' }, findings: 4 },
    { name: 'bare AES in Java means ECB', files: { 'src/E.java': 'Cipher c = Cipher.getInstance("AES");\n' }, findings: [{ message: 'ECB' }] },
    { name: 'createCipher without IV', files: { 'src/old.js': "const c = crypto.createCipher('aes192', password);\n" }, findings: [{ message: 'createCipher' }] },
    { name: 'mcrypt in PHP', files: { 'enc.php': '<?php $x = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $k, $d, MCRYPT_MODE_CBC);\n' }, findings: 1 },
    { name: 'Math.random for a token', files: { 'src/reset.ts': 'const resetToken = Math.random().toString(36).slice(2);\nconst api_key = String(Math.random());\n' }, findings: [{ message: 'Math.random' }, { line: 2 }] },
    { name: 'random.choice for a password', files: { 'app/users.py': "password = ''.join(random.choice(chars) for _ in range(12))\n" }, findings: 1 },
    { name: 'hard-coded IV', files: { 'app/enc.py': "iv = b'0123456789abcdef'\ncipher = AES.new(key, AES.MODE_CBC, iv)\n" }, findings: [{ line: 1, evidence: "iv = b'…'" }] },
    { name: 'zero IV in Java', files: { 'src/Z.java': 'IvParameterSpec iv = new IvParameterSpec(new byte[16]);\n' }, findings: 1 },
  ],
  notApplicable: [{ name: 'no source files', files: { 'README.md': '# hi\n', 'test/a.test.js': "createHash('md5')\n" } }],
});
