import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TOPIC_IDS, type BankProblem, type TopicId, type TopicInfo } from '../model';
import { parseQuestionFile, parseTopicFile, type ParsedQuestionFile } from './parse-question';
import { displayPath } from './paths';

/** Folders of the bank module that hold Go support code, not topics. */
export const NON_TOPIC_DIRS = new Set(['internal', 'testdata', 'vendor']);

export interface ScannedTopic {
  id: string;
  dir: string;
  info?: TopicInfo;
  questionFiles: ParsedQuestionFile[];
}

export interface BankScan {
  bankDir: string;
  topics: ScannedTopic[];
  /** Problems not tied to one question file's own content (folders, topic files). */
  problems: BankProblem[];
}

export const isTopicId = (name: string): name is TopicId => (TOPIC_IDS as readonly string[]).includes(name);

const listDirs = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/**
 * Reads every topic folder and parses every question in it, adding the rules that tie a file to
 * its place: the id is the file name and the topic is the folder.
 */
export function scanBank(bankDir: string, filter: { topic?: string } = {}): BankScan {
  if (!existsSync(bankDir)) throw new Error(`bank folder not found: ${bankDir}`);
  const scan: BankScan = { bankDir, topics: [], problems: [] };
  for (const name of listDirs(bankDir)) {
    if (name.startsWith('.') || name.startsWith('_') || NON_TOPIC_DIRS.has(name)) continue;
    if (filter.topic !== undefined && name !== filter.topic) continue;
    const dir = join(bankDir, name);
    if (!isTopicId(name)) {
      scan.problems.push({ file: displayPath(dir), message: `unknown topic folder "${name}" (topics: ${TOPIC_IDS.join(', ')})` });
      continue;
    }
    const topic: ScannedTopic = { id: name, dir, questionFiles: [] };
    const topicFile = join(dir, '_topic.md');
    if (existsSync(topicFile)) {
      const parsed = parseTopicFile(topicFile);
      scan.problems.push(...parsed.problems);
      if (parsed.topic) {
        if (parsed.topic.id !== name) {
          scan.problems.push({ file: displayPath(topicFile), line: 2, message: `topic id "${parsed.topic.id}" must equal its folder "${name}"` });
        } else {
          topic.info = parsed.topic;
        }
      }
    } else {
      scan.problems.push({ file: displayPath(dir), message: 'topic folder without _topic.md' });
    }
    const mdFiles = readdirSync(dir)
      .filter((file) => file.endsWith('.md') && file !== '_topic.md')
      .sort();
    for (const md of mdFiles) {
      const parsed = parseQuestionFile(join(dir, md));
      const fm = parsed.frontMatter;
      if (fm) {
        const fileId = basename(md, '.md');
        if (fm.id !== fileId) {
          parsed.problems.push({ file: parsed.file, line: parsed.lineOf(['id']), message: `id "${fm.id}" must equal the file name "${fileId}"` });
        }
        if (fm.topic !== name) {
          parsed.problems.push({ file: parsed.file, line: parsed.lineOf(['topic']), message: `topic "${fm.topic}" must equal the folder "${name}"` });
        }
      }
      topic.questionFiles.push(parsed);
    }
    scan.topics.push(topic);
  }
  return scan;
}

/** Reports every id used by more than one file, at each later file's `id` line. */
export function duplicateIdProblems(files: readonly ParsedQuestionFile[]): BankProblem[] {
  const first = new Map<string, ParsedQuestionFile>();
  const problems: BankProblem[] = [];
  for (const parsed of files) {
    const id = parsed.frontMatter?.id;
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier) {
      problems.push({ file: parsed.file, line: parsed.lineOf(['id']), message: `duplicate id "${id}" (also ${earlier.file})` });
    } else {
      first.set(id, parsed);
    }
  }
  return problems;
}
