/** Prints the whole page (or saves it as PDF from the print dialog); see print.css. */
import './print.css';

export function PrintButton() {
  return (
    <button type="button" className="print-button" onClick={() => window.print()}>
      In / Xuất PDF
    </button>
  );
}
