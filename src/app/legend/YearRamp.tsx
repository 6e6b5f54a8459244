import { yearRampStops } from '../../core/style/yearColors';

/** The colour-by-year legend: the ramp from the oldest to the newest year. */
export function YearRamp({ span }: { span: [number, number] | null }) {
  if (!span) return <p className="muted">No dated papers to colour.</p>;
  const stops = yearRampStops();
  return (
    <div className="year-ramp" data-testid="year-ramp">
      <div
        className="year-ramp-bar"
        role="img"
        aria-label={`Colour by year: dark violet for ${span[0]}, through teal and green, to light green for ${span[1]}`}
        // Set through the CSSOM (the page's CSP refuses inline style attributes in markup, not this).
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
      />
      <div className="year-ramp-labels" aria-hidden="true">
        <span>{span[0]}</span>
        <span>{span[1]}</span>
      </div>
      <p className="year-ramp-note">People, categories and affiliations take the mean year of their papers.</p>
    </div>
  );
}
