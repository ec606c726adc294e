import { describe, expect, it } from "vitest";
import { missingMigrations, shippedMigrations } from "../server/services/system/migrations";

describe("migrations check (npm start and /api/ready)", () => {
  it("lists the shipped migration folders in order", () => {
    const shipped = shippedMigrations();
    expect(shipped[0]).toBe("20261122000000_init");
    expect([...shipped].sort()).toEqual(shipped);
  });

  it("names what the database has not applied, by name rather than by count", () => {
    expect(missingMigrations(["a", "c"], ["a", "b", "c"])).toEqual(["b"]);
    expect(missingMigrations(["a", "x", "y"], ["a", "b"])).toEqual(["b"]);
    expect(missingMigrations(shippedMigrations())).toEqual([]);
  });
});
