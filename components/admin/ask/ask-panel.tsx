"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Card, ErrorMessage, TextArea, TextField } from "@/components/ui";
import { ResultChart } from "./result-chart";
import type { AskResult, CatalogueData } from "./types";

const SAVED_KEY = "merchloop.ask.saved";

function useSavedQuestions() {
  const [saved, setSaved] = useState<string[]>([]);
  useEffect(() => {
    try {
      const raw = JSON.parse(localStorage.getItem(SAVED_KEY) ?? "[]");
      if (Array.isArray(raw)) setSaved(raw.filter((x): x is string => typeof x === "string"));
    } catch {
      /* nothing saved yet */
    }
  }, []);
  const update = (next: string[]) => {
    setSaved(next);
    localStorage.setItem(SAVED_KEY, JSON.stringify(next));
  };
  return {
    saved,
    add: (q: string) => update([q, ...saved.filter((s) => s !== q)].slice(0, 30)),
    remove: (q: string) => update(saved.filter((s) => s !== q)),
  };
}

function toCsv(columns: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns, ...rows].map((r) => r.map(cell).join(",")).join("\r\n");
}

function downloadCsv(columns: string[], rows: unknown[][]) {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "merchloop-answer.csv";
  a.click();
  URL.revokeObjectURL(url);
}

function ResultView({ result, onRunSql, running }: { result: AskResult; onRunSql: (sql: string) => void; running: boolean }) {
  const [sql, setSql] = useState(result.sql ?? "");
  useEffect(() => setSql(result.sql ?? ""), [result.sql]);
  const sqlEditor = result.sql !== null && (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        onRunSql(sql);
      }}
    >
      <TextArea label="SQL" rows={Math.min(14, sql.split("\n").length + 1)} value={sql} onChange={(e) => setSql(e.target.value)} className="font-mono text-xs" spellCheck={false} />
      <Button type="submit" size="sm" variant="secondary" busy={running} disabled={!sql.trim()}>Run SQL</Button>
    </form>
  );
  if (!result.ok) {
    return (
      <Card className="space-y-3 p-4">
        {result.question && <p className="text-sm text-zinc-500">“{result.question}”</p>}
        <p role="alert" className="text-sm font-medium text-red-700">{result.error.message}</p>
        {result.suggestions.length > 0 && (
          <div>
            <p className="text-sm text-zinc-600">Questions I can answer:</p>
            <ul className="mt-1 list-disc pl-5 text-sm">{result.suggestions.map((s) => <li key={s}>{s}</li>)}</ul>
          </div>
        )}
        {sqlEditor}
      </Card>
    );
  }
  return (
    <Card className="space-y-4 p-4">
      {result.question && <p className="text-sm text-zinc-500">“{result.question}”</p>}
      <p role="status" className="text-base font-medium">{result.answer}</p>
      {result.explanation && <p className="text-sm text-zinc-600">{result.explanation}</p>}
      {result.chart && <ResultChart chart={result.chart} columns={result.columns} rows={result.rows} />}
      <div className="flex items-center gap-3 text-sm text-zinc-600">
        <span>{result.rowCount} row{result.rowCount === 1 ? "" : "s"} in {result.durationMs} ms{result.truncated ? " (cut off)" : ""}</span>
        <Button size="sm" variant="secondary" onClick={() => downloadCsv(result.columns, result.rows)} disabled={!result.rowCount}>Export CSV</Button>
      </div>
      {result.rowCount > 0 && (
        <div className="max-h-96 overflow-auto">
          <table aria-label="Result" className="min-w-full text-left text-sm">
            <thead className="sticky top-0 bg-white">
              <tr>{result.columns.map((c, i) => <th key={`${c}-${i}`} scope="col" className="border-b px-2 py-1 font-medium">{c}</th>)}</tr>
            </thead>
            <tbody>
              {result.rows.map((r, i) => (
                <tr key={i} className="odd:bg-zinc-50">
                  {r.map((v, j) => <td key={j} className="px-2 py-1 tabular-nums">{v === null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sqlEditor}
    </Card>
  );
}

function CatalogueView({ data }: { data: CatalogueData }) {
  return (
    <details className="rounded-md border border-zinc-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">What can be asked ({data.catalogue.views.length} views)</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {data.catalogue.views.map((v) => (
          <div key={v.name}>
            <p className="font-mono font-medium">{data.catalogue.schema}.{v.name} <span className="font-sans text-xs text-zinc-500">~{v.rowEstimate} rows</span></p>
            <p className="text-zinc-600">{v.description}</p>
            <ul className="mt-1 text-xs text-zinc-600">
              {v.columns.map((c) => <li key={c.name}><span className="font-mono">{c.name}</span> <span className="text-zinc-400">{c.type}</span> {c.description}</li>)}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}

/** The Ask page: question → answer sentence, chart, table, SQL (editable), CSV, saved questions. */
export function AskPanel() {
  const trpc = useTRPC();
  const [question, setQuestion] = useState("");
  const [result, setResult] = useState<AskResult | null>(null);
  const cat = useQuery(trpc.ask.catalogue.queryOptions());
  const saved = useSavedQuestions();
  const ask = useMutation(trpc.ask.ask.mutationOptions({ onSuccess: (r) => setResult(r) }));
  const run = (q: string) => {
    setQuestion(q);
    if (q.trim()) ask.mutate({ question: q.trim() });
  };
  return (
    <div className="space-y-4">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          run(question);
        }}
      >
        <div className="flex-1">
          <TextField label="Question" placeholder="revenue by week for the last 8 weeks" value={question} maxLength={500} onChange={(e) => setQuestion(e.target.value)} />
        </div>
        <Button type="submit" busy={ask.isPending && !ask.variables?.sql} disabled={!question.trim()}>Ask</Button>
        <Button type="button" variant="secondary" disabled={!question.trim() || saved.saved.includes(question.trim())} onClick={() => saved.add(question.trim())}>Save question</Button>
      </form>
      <ErrorMessage error={ask.error} />
      {saved.saved.length > 0 && (
        <section aria-label="Saved questions" className="text-sm">
          <p className="font-medium">Saved questions</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {saved.saved.map((q) => (
              <li key={q} className="flex items-center gap-1 rounded-full border border-zinc-200 bg-white pl-3 pr-1">
                <button type="button" className="py-1 hover:underline" onClick={() => run(q)}>{q}</button>
                <button type="button" aria-label={`Remove saved question ${q}`} className="rounded-full px-2 text-zinc-500 hover:bg-zinc-100" onClick={() => saved.remove(q)}>×</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {cat.data && (
        <section aria-label="Example questions" className="flex flex-wrap gap-2 text-sm">
          {cat.data.examples.slice(0, 8).map((q) => (
            <button key={q} type="button" className="rounded-full bg-zinc-100 px-3 py-1 hover:bg-zinc-200" onClick={() => run(q)}>{q}</button>
          ))}
        </section>
      )}
      {result && <ResultView result={result} running={ask.isPending && !!ask.variables?.sql} onRunSql={(sql) => ask.mutate({ sql })} />}
      {cat.data && <CatalogueView data={cat.data} />}
      <ErrorMessage error={cat.error} />
    </div>
  );
}
