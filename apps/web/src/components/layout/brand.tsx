import { Link } from 'react-router';

export function Brand() {
  return (
    // Named by its visible word (the "go" mark is a logo, hidden from the accessible name).
    <Link to="/" className="brand">
      <span className="brand__mark" aria-hidden="true">
        go
      </span>
      <span className="brand__name">goprep</span>
    </Link>
  );
}
