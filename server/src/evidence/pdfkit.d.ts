/**
 * The part of pdfkit 0.20 that the evidence description uses (pdfkit ships no types and
 * @types/pdfkit lags behind its releases).
 */
declare module 'pdfkit' {
  interface PdfOptions {
    size?: string;
    margin?: number;
    compress?: boolean;
    info?: Record<string, string | Date>;
    autoFirstPage?: boolean;
    lang?: string;
  }
  interface TextOptions {
    width?: number;
    continued?: boolean;
    lineGap?: number;
    paragraphGap?: number;
  }
  class PDFDocument {
    constructor(options?: PdfOptions);
    registerFont(name: string, src: string, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    fillColor(color: string): this;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    end(): void;
    readonly page: { width: number; height: number; margins: { left: number; right: number } };
    y: number;
  }
  export default PDFDocument;
}
