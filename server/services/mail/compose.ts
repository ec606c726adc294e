// A plain, readable message in both parts: text for every client, minimal inline-styled HTML.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type MailBody = { heading: string; paragraphs: string[]; rows?: Array<[string, string]>; link?: { label: string; href: string } };

export function composeMail(b: MailBody): { text: string; html: string } {
  const text = [
    b.heading,
    "",
    ...b.paragraphs.flatMap((p) => [p, ""]),
    ...(b.rows?.length ? [...b.rows.map(([k, v]) => `${k}: ${v}`), ""] : []),
    ...(b.link ? [`${b.link.label}: ${b.link.href}`, ""] : []),
    "— Merchloop",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#18181b;max-width:560px;margin:0 auto;padding:16px">
<h1 style="font-size:20px">${esc(b.heading)}</h1>
${b.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
${b.rows?.length ? `<table style="border-collapse:collapse">${b.rows.map(([k, v]) => `<tr><td style="padding:2px 12px 2px 0;color:#52525b">${esc(k)}</td><td style="padding:2px 0">${esc(v)}</td></tr>`).join("")}</table>` : ""}
${b.link ? `<p><a href="${esc(b.link.href)}" style="color:#4f46e5">${esc(b.link.label)}</a></p>` : ""}
<p style="color:#71717a">— Merchloop</p></body></html>`;
  return { text, html };
}
