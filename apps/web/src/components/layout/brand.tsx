import { Link } from 'react-router';

export function Brand() {
  return (
    <Link to="/" className="brand" aria-label="goprep — home">
      <span className="brand__mark" aria-hidden="true">
        go
      </span>
      <span className="brand__name">goprep</span>
    </Link>
  );
}
