import PDFDocument from "pdfkit";

// The local print shop's packing slip: a one-page A6 PDF with the address, items and tracking.

export type PackingSlip = {
  orderId: string;
  recipient: { name: string; address1: string; address2?: string; city: string; stateCode?: string; zip: string; countryCode: string };
  items: Array<{ name: string; quantity: number }>;
  carrier: string;
  trackingNumber: string;
};

export function packingSlipPdf(slip: PackingSlip): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A6", margin: 24, info: { Title: `Packing slip ${slip.orderId}`, Author: "Merchloop local print shop" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const r = slip.recipient;
    doc.fontSize(14).text("Packing slip", { underline: true });
    doc.moveDown(0.5).fontSize(8).text(`Order ${slip.orderId}`);
    doc.text(`${slip.carrier} ${slip.trackingNumber}`);
    doc.moveDown(0.5).fontSize(10).text("Ship to:");
    doc.fontSize(9).text([r.name, r.address1, r.address2, `${r.city}${r.stateCode ? `, ${r.stateCode}` : ""} ${r.zip}`, r.countryCode].filter(Boolean).join("\n"));
    doc.moveDown(0.5).fontSize(10).text("Items:");
    for (const i of slip.items) doc.fontSize(9).text(`${i.quantity} × ${i.name}`);
    doc.end();
  });
}
