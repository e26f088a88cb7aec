export function QuotaBar({ label, used, limit, freeTier }: { label: string; used: number; limit: number; freeTier: number }) {
  const percent = limit === 0 ? 100 : Math.min(100, Math.round((used / limit) * 100));
  const freePercent = limit === 0 ? 0 : Math.min(100, Math.round((freeTier / limit) * 100));
  return (
    <div className="quota" data-quota={label}>
      <div className="quota__label">
        <span>{label}</span>
        <span className="quota__count">
          {used} / {limit}
        </span>
      </div>
      <div className="quota__track" role="meter" aria-label={`${label} usage`} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={used}>
        <div className={`quota__fill${used >= limit ? ' quota__fill--full' : ''}`} style={{ width: `${percent}%` }} />
        <div className="quota__free" style={{ left: `${freePercent}%` }} title={`free tier: ${freeTier}`} />
      </div>
      <small className="hint">
        {used > freeTier ? `${used - freeTier} above the free tier of ${freeTier}` : `${freeTier - used} left in the free tier of ${freeTier}`}
      </small>
    </div>
  );
}
