import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../platform/errors.ts';
import { reviewFont, reviewToDocx } from './render-docx.ts';
import type { ReviewDocument } from './review-document.ts';
import './render-pdf.messages.ts';

export interface PdfOptions {
  /** The LibreOffice program (default `soffice` on the PATH). */
  soffice?: string;
  /** A conversion taking longer is stopped (default two minutes; a cold LibreOffice start takes a few seconds). */
  timeoutMs?: number;
}

/** The Debian packages that provide what this file runs. */
export const pdfRequirements = { program: 'soffice', packages: 'libreoffice-writer fonts-noto-cjk' } as const;

/**
 * LibreOffice's font replacement table: 宋体 becomes Noto Serif CJK SC where
 * SimSun is not installed, rather than whichever CJK font fontconfig finds first.
 */
const fontReplacement = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="kexie-simsun" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>false</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>${reviewFont.chinese}</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Serif CJK SC</value></prop></node></item>
</oor:items>
`;

/** The review as PDF: its Word rendering converted by LibreOffice, so both exports look alike. */
export async function reviewToPdf(review: ReviewDocument, options: PdfOptions = {}): Promise<Buffer> {
  return docxToPdf(await reviewToDocx(review), options);
}

/**
 * Converts a .docx with `soffice --headless --convert-to pdf`. Each run has
 * its own temporary LibreOffice profile: two conversions sharing a profile
 * collide (the second exits at once without output).
 */
export async function docxToPdf(docx: Buffer, { soffice = pdfRequirements.program, timeoutMs = 120_000 }: PdfOptions = {}): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kexie-pdf-'));
  try {
    const profile = path.join(dir, 'profile');
    await fs.mkdir(path.join(profile, 'user'), { recursive: true });
    await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), fontReplacement);
    const input = path.join(dir, 'review.docx');
    await fs.writeFile(input, docx);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], timeoutMs);
    try {
      return await fs.readFile(path.join(dir, 'review.pdf'));
    } catch {
      throw new AppError('REPORT_PDF_FAILED', 500);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function run(program: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new AppError('REPORT_PDF_CONVERTER_MISSING', 503, { params: { program, packages: pdfRequirements.packages } }));
      }
      if (err.killed) return reject(new AppError('REPORT_PDF_TIMEOUT', 504, { params: { seconds: Math.ceil(timeoutMs / 1000) } }));
      reject(new AppError('REPORT_PDF_FAILED', 500, { params: { stderr: stderr.trim() } }));
    });
  });
}
