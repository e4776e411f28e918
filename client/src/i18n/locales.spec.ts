import { describe, expect, it } from '@jest/globals';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('have the same keys in English as in Chinese', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh)) {
      expect([key, placeholders(english[key])]).toEqual([key, placeholders(zh[key])]);
    }
  });

  it('leave no string empty', () => {
    expect(Object.entries({ ...zh, ...english }).filter(([, text]) => text.trim() === '')).toEqual(
      [],
    );
  });
});
