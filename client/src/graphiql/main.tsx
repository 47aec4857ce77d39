// GraphiQL for developers: built from the local `graphiql` package (no CDN), as its own
// Vite build (`vite build --mode graphiql`), and served by the API at /graphiql outside production.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { type ComponentProps, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Same origin as the page; a JSON POST, so it passes the server's CSRF prevention. */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# Fascia API: the schema is in the docs panel (book icon).
query Viewer {
  viewer {
    therapist { givenName familyName }
    clinic { name timeZone }
  }
}
`;

const root = document.getElementById('graphiql');
if (!root) throw new Error('graphiql.html has no #graphiql element');
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
