/** Reads the provider fixtures in tests/fixtures/feeds (see SOURCES.md there). */
import { readFileSync, readdirSync } from 'node:fs';

const DIR = new URL('../../../../tests/fixtures/feeds/', import.meta.url);

/** A fixture's text. */
export const fixtureText = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');

/** A JSON fixture, parsed. */
export const fixtureJson = (name: string): unknown => JSON.parse(fixtureText(name)) as unknown;

/** Every fixture file name (not SOURCES.md). */
export const fixtureNames = (): string[] =>
  readdirSync(DIR)
    .filter((f) => !f.endsWith('.md'))
    .sort();
