import { psfs } from '@fascia/server/modules/instruments/definitions/psfs.js';
import { describe, expect, test } from 'vitest';
import { activities, expectBadInput } from './answers.js';

describe('PSFS (Stratford et al. 1995)', () => {
  test('three activities: the mean rating, each activity as a subscore', () => {
    // (4 + 2 + 7) / 3 = 4.333... -> 4.3
    const result = psfs.score(
      activities([
        ['Climbing stairs', 4],
        ['  Lifting my grandchild ', 2],
        ['Gardening', 7],
      ]),
    );
    expect(result).toEqual({
      score: 4.3,
      subscores: [
        { code: 'PSFS1', name: 'Climbing stairs', score: 4 },
        { code: 'PSFS2', name: 'Lifting my grandchild', score: 2 },
        { code: 'PSFS3', name: 'Gardening', score: 7 },
      ],
      answeredItems: 3,
      missingItems: 0,
    });
  });

  test('five activities', () => {
    // (4 + 2 + 7 + 5 + 6) / 5 = 24 / 5 = 4.8
    const result = psfs.score(
      activities([
        ['Climbing stairs', 4],
        ['Lifting', 2],
        ['Gardening', 7],
        ['Driving', 5],
        ['Sleeping on my side', 6],
      ]),
    );
    expect(result).toMatchObject({
      score: 4.8,
      answeredItems: 5,
      missingItems: 0,
    });
  });

  test('unused slots (no name, no rating) are left out', () => {
    const answers = [
      ...activities([
        ['Climbing stairs', 10],
        ['Lifting', 9],
        ['Gardening', 8],
      ]),
      { itemCode: 'PSFS4', value: null, label: null },
      { itemCode: 'PSFS5', value: null, label: '   ' },
    ];
    expect(psfs.score(answers)).toMatchObject({ score: 9, answeredItems: 3 });
  });

  test('fewer than 3 rated activities', () => {
    expectBadInput(
      () =>
        psfs.score(
          activities([
            ['Climbing stairs', 4],
            ['Lifting', 2],
          ]),
        ),
      'answers',
      'activity-count',
      'PSFS needs 3 to 5 rated activities; 2 were rated',
    );
  });

  test('more than 5 rated activities', () => {
    const six = activities([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
      ['e', 5],
      ['f', 6],
    ]);
    expectBadInput(() => psfs.score(six), 'answers', 'activity-count', 'PSFS needs 3 to 5 rated activities; 6 were');
  });

  test('a rated activity without a name', () => {
    const answers = activities([
      ['Climbing stairs', 4],
      ['', 2],
      ['Gardening', 7],
    ]);
    expectBadInput(() => psfs.score(answers), 'answers[1].label', 'label-required', 'Name the activity rated 2');
  });

  test('an activity name longer than 120 characters', () => {
    const answers = activities([
      ['Climbing stairs', 4],
      ['x'.repeat(121), 2],
      ['Gardening', 7],
    ]);
    expectBadInput(() => psfs.score(answers), 'answers[1].label', 'max-length', 'has 121 characters; the limit is 120');
  });

  test('a named activity without a rating', () => {
    const answers = [
      ...activities([
        ['Climbing stairs', 4],
        ['Lifting', 2],
        ['Gardening', 7],
      ]),
      { itemCode: 'PSFS4', value: null, label: 'Driving' },
    ];
    expectBadInput(() => psfs.score(answers), 'answers[3].value', 'required', 'Rate "Driving" from 0 to 10');
  });

  test('a rating above 10', () => {
    const answers = activities([
      ['Climbing stairs', 4],
      ['Lifting', 11],
      ['Gardening', 7],
    ]);
    expectBadInput(() => psfs.score(answers), 'answers[1].value', 'range', 'must be from 0 to 10; got 11');
  });
});
