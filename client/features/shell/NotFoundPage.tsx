import { A } from '@solidjs/router';
import { EmptyState } from '../../ui/Feedback';

export default function NotFoundPage() {
  return (
    <EmptyState title="Cette page n’existe pas.">
      <A href="/">Retour au tableau</A>
    </EmptyState>
  );
}
