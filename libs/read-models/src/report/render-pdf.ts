import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { ReportDocument, ReportTable } from './document';

/** The font files the PDF is set in: a serif with Vietnamese diacritics, as the office's documents are. */
export const PDF_FONTS = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' } as const;

/** Why a PDF cannot be made here (missing font): a configuration problem, named by setting. */
export class ReportFontError extends Error {
  readonly code = 'REPORT_FONT_MISSING';
  readonly setting = 'XB_REPORT_FONT_DIR';
}

const MARGIN = 56;

/**
 * A printable A4 PDF: issuing body and number top left, place and date top right, the title centred,
 * then numbered sections with their sentences and ruled tables. Resolves with the file's bytes.
 */
export function renderPdf(doc: ReportDocument, fontDir: string): Promise<Buffer> {
  const fonts = Object.fromEntries(
    Object.entries(PDF_FONTS).map(([style, file]) => [style, path.join(fontDir, file)]),
  ) as Record<keyof typeof PDF_FONTS, string>;
  for (const file of Object.values(fonts))
    if (!fs.existsSync(file)) throw new ReportFontError(`XB_REPORT_FONT_DIR: font file ${file} not found`);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${doc.title} ${doc.subtitle}` },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const top = pdf.y;
  pdf
    .font('bold')
    .fontSize(11)
    .text(doc.issuer, MARGIN, top, { width: width / 2, align: 'center' });
  pdf.font('regular').text(doc.number, { width: width / 2, align: 'center' });
  const leftBottom = pdf.y;
  pdf
    .font('regular')
    .fontSize(11)
    .text(doc.placeAndDate, MARGIN + width / 2, top, { width: width / 2, align: 'center' });
  pdf.y = Math.max(leftBottom, pdf.y) + 18;
  pdf.font('bold').fontSize(14).text(doc.title, MARGIN, pdf.y, { width, align: 'center' });
  pdf.font('bold').fontSize(12).text(doc.subtitle, { width, align: 'center' });
  pdf.moveDown(0.5).font('regular').fontSize(11).text(doc.recipient, { width, align: 'center' });
  pdf.moveDown();
  for (const line of doc.intro) pdf.text(line, MARGIN, pdf.y, { width, align: 'justify' });
  doc.sections.forEach((section, n) => {
    pdf
      .moveDown()
      .font('bold')
      .fontSize(12)
      .text(`${n + 1}. ${section.title}`, MARGIN, pdf.y, { width });
    pdf.font('regular').fontSize(11);
    for (const paragraph of section.paragraphs)
      pdf.moveDown(0.3).text(paragraph, MARGIN, pdf.y, { width, align: 'justify' });
    for (const table of section.tables) drawTable(pdf, table, width);
  });
  pdf.end();
  return done;
}

function drawTable(pdf: PDFKit.PDFDocument, table: ReportTable, width: number) {
  if (table.rows.length === 0) return;
  pdf.moveDown(0.5);
  if (table.caption)
    pdf.font('regular').fontSize(10).text(table.caption, MARGIN, pdf.y, { width }).moveDown(0.2);
  const columns = table.head.length;
  // The first column holds names, the others numbers: give the names twice the room.
  const unit = width / (columns + 1);
  const widths = table.head.map((_, i) => (i === 0 ? 2 * unit : unit));
  const row = (cells: readonly (string | number)[], bold: boolean) => {
    pdf.font(bold ? 'bold' : 'regular').fontSize(9);
    const heights = cells.map((c, i) => pdf.heightOfString(String(c), { width: widths[i] - 6 }));
    const height = Math.max(...heights) + 6;
    if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
    const y = pdf.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], height).stroke();
      pdf.text(String(c), x + 3, y + 3, { width: widths[i] - 6, align: i === 0 ? 'left' : 'center' });
      x += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = y + height;
  };
  row(table.head, true);
  for (const cells of table.rows) row(cells, false);
  pdf.fontSize(11);
}
