// A search highlight from the API: its text with the matched words in <mark>…</mark>. Only those two
// tags are markup; everything else is text (Preact escapes it), so a release cannot inject HTML.
export function Highlighted({ fragment }: { fragment: string }) {
  const out = [];
  let marked = false;
  for (const [i, part] of fragment.split(/(<\/?mark>)/).entries()) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) out.push(marked ? <mark key={i}>{part}</mark> : part);
  }
  return <>{out}</>;
}
