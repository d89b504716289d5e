import { PanelEmpty } from '../../components/panel/panel-states';
import { periodLabel } from '../../lib/period-names';
import type { PanelModel } from './panel-model';

/** No figures for the period: why (merged away, not yet formed), and the latest period that has some. */
export function PanelNoFigures({ model, title, wards, period, onSelectPeriod }: {
  model: PanelModel;
  title: string;
  /** The wards as the subtitle names or counts them. */
  wards: string;
  period: string;
  onSelectPeriod: (period: string) => void;
}) {
  const latest = model.latestPeriod;
  return (
    <PanelEmpty>
      <p>
        {wards} chưa có số liệu {title.toLowerCase()} cho kỳ {periodLabel(period)}.
      </p>
      <UnitNotes notes={model.unitNotes} />
      {latest && (
        <button type="button" className="link-button" onClick={() => onSelectPeriod(latest)}>
          Xem kỳ gần nhất có số liệu: {periodLabel(latest)}
        </button>
      )}
    </PanelEmpty>
  );
}

/** Why chosen wards have no figures (merged away, not yet formed). */
export function UnitNotes({ notes }: { notes: string[] }) {
  return notes.map((n) => (
    <p key={n} className="unit-note">
      {n}
    </p>
  ));
}
