import { Document, Packer, type ISectionOptions } from "docx";
import { documentStyles } from "./paragraphs.js";

/**
 * The DOCX file of a document: its sections with the shared styles, as bytes.
 * `revision` is the document's version (a report's resubmission), kept in the
 * file's properties.
 */
export async function packDocx(input: { title: string; creator: string; sections: ISectionOptions[]; revision?: number }): Promise<Buffer> {
  const document = new Document({
    title: input.title.normalize("NFC"),
    creator: input.creator.normalize("NFC"),
    revision: input.revision,
    styles: documentStyles(),
    sections: input.sections,
  });
  return Packer.toBuffer(document);
}
