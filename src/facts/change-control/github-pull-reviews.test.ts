import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewJson } from '../../testing/fake-github.js';
import { approvers } from './github-pull-reviews.js';

describe('approvers of a pull request', () => {
  const merged = '2026-01-01T00:00:00Z';
  it('takes each reviewer’s latest decisive review before the merge', () => {
    const reviews = [
      reviewJson(1, 'bob', 'APPROVED', '2025-12-30T00:00:00Z'),
      reviewJson(2, 'bob', 'COMMENTED', '2025-12-31T00:00:00Z'),
      reviewJson(3, 'carol', 'APPROVED', '2025-12-30T00:00:00Z'),
      reviewJson(4, 'carol', 'DISMISSED', '2025-12-31T00:00:00Z'),
      reviewJson(5, 'dave', 'CHANGES_REQUESTED', '2025-12-30T00:00:00Z'),
      reviewJson(6, 'dave', 'APPROVED', '2025-12-31T00:00:00Z'),
      reviewJson(7, 'erin', 'APPROVED', '2026-01-02T00:00:00Z'),
      reviewJson(8, 'ann', 'APPROVED'),
      reviewJson(9, 'renovate[bot]', 'APPROVED'),
      reviewJson(10, 'frank', 'PENDING'),
    ];
    assert.deepEqual(approvers(reviews, 'ann', merged), ['bob', 'dave']);
  });
  it('orders by submission time, not by list order', () => {
    assert.deepEqual(approvers([reviewJson(2, 'bob', 'CHANGES_REQUESTED', '2025-12-31T00:00:00Z'), reviewJson(1, 'bob', 'APPROVED', '2025-12-30T00:00:00Z')], 'ann', merged), []);
  });
});
