import type { ReactNode } from 'react';
import { Link } from '../router';
import { NextVisitSection } from './NextVisitSection';
import { whose } from './voice';

/** What every card of the portal's home is given. `about`: the client's name when a proxy holds the portal (PortalApp). */
export interface PortalCardProps {
  timeZone: string | undefined;
  about: string | undefined;
}

/**
 * One card of the portal's home: its id, and what it shows. A card that needs data renders its own
 * component (`render: (props) => <NextVisitCard {...props} />`), which loads it.
 */
export interface PortalCard {
  id: string;
  render: (props: PortalCardProps) => ReactNode;
}

/** The usual card: a heading, a sentence, and one link to the page it is about. */
export function LinkCard({
  id,
  title,
  to,
  action,
  children,
}: {
  id: string;
  title: string;
  to: string;
  action: string;
  children: ReactNode;
}) {
  return (
    <section className="panel portal-card" aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{title}</h2>
      <p>{children}</p>
      <Link className="button" to={to}>
        {action}
      </Link>
    </section>
  );
}

/** A LinkCard whose words depend on whose portal it is: `about` is the client's name for a proxy, else undefined. */
function linkCard(
  id: string,
  to: string,
  words: (about: string | undefined) => { title: string; action: string; text: string },
): PortalCard {
  return {
    id,
    render: ({ about }) => {
      const { title, action, text } = words(about);
      return (
        <LinkCard id={id} title={title} to={to} action={action}>
          {text}
        </LinkCard>
      );
    },
  };
}

/**
 * The cards of the portal's home, in order. To add one (e.g. the next visit, a report to download), add
 * an entry here: a card that needs data fetches it in its own component, so the others never wait for it.
 */
export const portalHomeCards: readonly PortalCard[] = [
  { id: 'next-visit', render: ({ timeZone, about }) => <NextVisitSection timeZone={timeZone} about={about} /> },
  linkCard('diary', '/portal/diary', (about) => ({
    title: 'Pain diary',
    action: `Log ${whose(about, 'my')} pain now`,
    text: `Write down how much it hurts${about ? ` ${about}` : ''}, now or earlier today or yesterday, with a note if you like.`,
  })),
  linkCard('history', '/portal/history', (about) => ({
    title: `${whose(about, 'My')} diary history`,
    action: 'See the diary history',
    text: about
      ? `The diary entries over time, next to the pain measured at ${about}'s visits.`
      : 'Your diary entries over time, next to the pain measured at your visits.',
  })),
  linkCard('access', '/portal/access', (about) => ({
    title: `Who has seen ${whose(about, 'my')} record`,
    action: 'See who has seen it',
    text: `Everyone who looked at or changed ${whose(about, 'your')} record, and when.`,
  })),
  linkCard('record', '/portal/record', (about) => ({
    title: `${whose(about, 'My')} record`,
    action: `Download or print ${about ? 'the' : 'my'} record`,
    text: `${whose(about, 'Your')} whole record as a file, and a summary you can print.`,
  })),
];

/** The home's cards, each in its own list item so a screen reader counts them. */
export function PortalCards({
  cards,
  timeZone,
  about,
}: {
  cards: readonly PortalCard[];
  timeZone: string | undefined;
  about: string | undefined;
}) {
  return (
    <ul className="portal-cards" aria-label={`${whose(about, 'Your')} portal`}>
      {cards.map(({ id, render }) => (
        <li key={id}>{render({ timeZone, about })}</li>
      ))}
    </ul>
  );
}
