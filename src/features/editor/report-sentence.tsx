/** The sentence a row of the import was read from, its matched words marked (text nodes and <mark> only), and the reader's note on it. */
import { splitHighlight, type TextRange } from './highlight';

export function ReportSentence({ read }: { read: { sentence: string; sentenceRange: TextRange; range: TextRange; note?: string } }) {
  const parts = splitHighlight(read.sentence, read.sentenceRange, read.range);
  return (
    <>
      <blockquote className="candidate-sentence" aria-label="Câu trong báo cáo">
        {parts.before}
        <mark>{parts.mark}</mark>
        {parts.after}
      </blockquote>
      {read.note && <p className="candidate-note">Lưu ý: {read.note}</p>}
    </>
  );
}
