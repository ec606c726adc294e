import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { LocalImageProvider } from "../server/providers/images/local";
import { paletteFromTheme, paletteHex } from "../server/providers/images/palette";

const base = { prompt: "bold type", title: "Debug Mode Activated", theme: "programmer humor", width: 600, height: 600, quality: "standard" as const };

describe("local procedural renderer", () => {
  it("is deterministic per seed and draws something different for another seed", async () => {
    const p = new LocalImageProvider();
    const a = await p.generate({ ...base, seed: 7 });
    const b = await p.generate({ ...base, seed: 7 });
    const c = await p.generate({ ...base, seed: 8 });
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.png.equals(c.png)).toBe(false);
    expect(a.palette).toEqual(paletteHex(paletteFromTheme("programmer humor")));
  });

  it("renders art with a transparent background at the requested size", async () => {
    const out = await new LocalImageProvider().generate({ ...base, seed: 3 });
    const { data, info } = await sharp(out.png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([600, 600, 4]);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(599, 599)).toBe(0);
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
    expect(opaque / (600 * 600)).toBeGreaterThan(0.3); // a real design, not an empty canvas
  });

  it("honours a given palette", async () => {
    const palette = ["#cc3300", "#0033cc", "#ffcc00", "#111111", "#fafafa"];
    const out = await new LocalImageProvider().generate({ ...base, seed: 3, palette });
    expect(out.palette).toEqual(palette);
  });
});
