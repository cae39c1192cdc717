import { Document, Packer, type ISectionOptions } from "docx";
import { documentStyles } from "./paragraphs.js";

/** The DOCX file of a document: its sections with the shared styles, as bytes. */
export async function packDocx(input: { title: string; creator: string; sections: ISectionOptions[] }): Promise<Buffer> {
  const document = new Document({
    title: input.title.normalize("NFC"),
    creator: input.creator.normalize("NFC"),
    styles: documentStyles(),
    sections: input.sections,
  });
  return Packer.toBuffer(document);
}
