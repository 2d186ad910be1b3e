import type { SecretRule } from '../types.js';
import { ALNUM, BASE64URL, HEX, UUID, assigned, chars, lit, oneOf, pattern, token } from './define.js';

const F = 'ai';

/** AI model providers and ML platforms. */
export const aiRules: SecretRule[] = [
  pattern(F, 'openai-api-key', 'OpenAI API key (project, service-account, admin or legacy)', String.raw`(?<![A-Za-z0-9_-])(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160})(?![A-Za-z0-9_-])`, {
    keywords: ['t3blbkfj'],
  }),
  token(F, 'anthropic-api-key', 'Anthropic API key', [lit('sk-ant-api03-'), chars(BASE64URL, 93), lit('AA')]),
  token(F, 'anthropic-admin-key', 'Anthropic admin API key', [lit('sk-ant-admin01-'), chars(BASE64URL, 93), lit('AA')]),
  token(F, 'huggingface-access-token', 'Hugging Face user access token', [lit('hf_'), chars('A-Za-z', 34)]),
  token(F, 'huggingface-org-token', 'Hugging Face organization API token', [lit('api_org_'), chars('A-Za-z', 34)]),
  assigned(F, 'cohere-api-key', 'Cohere API key', ['cohere', 'co_api_key'], [chars(ALNUM, 40)], { entropy: 4 }),
  token(F, 'replicate-api-token', 'Replicate API token', [lit('r8_'), chars(ALNUM, 37)]),
  token(F, 'groq-api-key', 'Groq API key', [lit('gsk_'), chars(ALNUM, 52)]),
  token(F, 'perplexity-api-key', 'Perplexity API key', [lit('pplx-'), chars(ALNUM, 48)]),
  token(F, 'xai-api-key', 'xAI (Grok) API key', [lit('xai-'), chars(ALNUM, 80)]),
  assigned(F, 'mistral-api-key', 'Mistral AI API key', ['mistral'], [chars(ALNUM, 32)], { entropy: 3.8 }),
  assigned(F, 'deepseek-api-key', 'DeepSeek API key', ['deepseek'], [lit('sk-'), chars(HEX, 32)]),
  assigned(F, 'together-api-key', 'Together AI API key', ['together_api_key', 'together_ai', 'togetherai'], [chars(HEX, 64)], { entropy: 3.5 }),
  token(F, 'fireworks-api-key', 'Fireworks AI API key', [lit('fw_'), chars(ALNUM, 24)], { entropy: 3.8 }),
  token(F, 'openrouter-api-key', 'OpenRouter API key', [lit('sk-or-v1-'), chars(HEX, 64)]),
  token(F, 'langsmith-api-key', 'LangSmith API key', [oneOf('lsv2_pt_', 'lsv2_sk_'), chars(HEX, 32), lit('_'), chars(HEX, 10)]),
  token(F, 'pinecone-api-key', 'Pinecone API key', [lit('pcsk_'), chars(ALNUM, 5, 6), lit('_'), chars(`${ALNUM}`, 60, 70)]),
  assigned(F, 'pinecone-legacy-key', 'Pinecone API key (legacy UUID)', ['pinecone'], UUID),
  assigned(F, 'wandb-api-key', 'Weights & Biases API key', ['wandb'], [chars(HEX, 40)], { entropy: 3.3 }),
  assigned(F, 'elevenlabs-api-key', 'ElevenLabs API key', ['elevenlabs', 'xi-api-key', 'xi_api_key'], [oneOf('sk_'), chars(HEX, 48)]),
  assigned(F, 'assemblyai-api-key', 'AssemblyAI API key', ['assemblyai', 'assembly_ai'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'deepgram-api-key', 'Deepgram API key', ['deepgram'], [chars(HEX, 40)], { entropy: 3.3 }),
  assigned(F, 'stability-api-key', 'Stability AI API key', ['stability', 'stability_key'], [lit('sk-'), chars(ALNUM, 48)]),
  assigned(F, 'voyage-api-key', 'Voyage AI API key', ['voyage'], [lit('pa-'), chars(BASE64URL, 40, 50)]),
  assigned(F, 'clarifai-pat', 'Clarifai personal access token', ['clarifai'], [chars(HEX, 32)], { entropy: 3.3 }),
  assigned(F, 'anyscale-api-key', 'Anyscale endpoints API key', ['anyscale'], [lit('esecret_'), chars(ALNUM, 20, 40)]),
  assigned(F, 'gemini-api-key', 'Google Gemini / Generative Language API key', ['gemini', 'google_genai', 'google_ai'], [lit('AIza'), chars(BASE64URL, 35)]),
  token(F, 'google-ai-studio-key', 'Google AI Studio API key (AQ. format)', [lit('AQ.'), chars(BASE64URL, 50, 60)], { keywords: ['aq.'], entropy: 4 }),
  assigned(F, 'openai-organization-key', 'OpenAI API key assigned by name (other formats)', ['openai_api_key', 'openai_key', 'openai_token'], [lit('sk-'), chars(BASE64URL, 32, 200)], { entropy: 4 }),
  assigned(F, 'aleph-alpha-token', 'Aleph Alpha API token', ['aleph_alpha', 'aa_token'], [lit('eyJ'), chars(`${BASE64URL}.`, 60, 1000)], { entropy: 4.5 }),
  assigned(F, 'roboflow-api-key', 'Roboflow API key', ['roboflow'], [chars(ALNUM, 20)], { entropy: 3.8 }),
  assigned(F, 'ai21-api-key', 'AI21 Labs API key', ['ai21'], [chars(ALNUM, 32)], { entropy: 3.8 }),
  token(F, 'nvidia-api-key', 'NVIDIA NGC / API catalog key', [lit('nvapi-'), chars(BASE64URL, 64)]),
];
