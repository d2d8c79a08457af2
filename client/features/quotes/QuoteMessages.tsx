import { revalidate } from '@solidjs/router';
import { SentMessages } from '../mail/SentMessages';
import { getQuoteMessages } from './quotes.api';

export function refreshQuoteMessages(quoteId: string): Promise<void> {
  return revalidate(getQuoteMessages.keyFor(quoteId));
}

/** « Messages envoyés »: the quote's e-mails, newest first, with their delivery state. */
export function QuoteMessages(props: { quoteId: string }) {
  return (
    <SentMessages
      query={getQuoteMessages}
      id={props.quoteId}
      empty="Aucun message envoyé pour ce devis."
    />
  );
}
