export interface LineageToggle {
  /** The former units' figures are on screen. */
  shown: boolean;
  onChange: (shown: boolean) => void;
  /** Their figures are loading. */
  busy: boolean;
}

/** "Hiện số liệu các đơn vị cũ": off by default; the former units' figures are asked for when it is turned on. */
export function LineageSwitch({ shown, onChange, busy }: LineageToggle) {
  return (
    <label className="lineage-toggle">
      <input type="checkbox" checked={shown} onChange={(e) => onChange(e.currentTarget.checked)} aria-busy={busy || undefined} />
      Hiện số liệu các đơn vị cũ
    </label>
  );
}
