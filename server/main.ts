import { loadEnv } from './env';
import { startServer } from './server';

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const running = await startServer(env);
  const { log } = running.deps;
  log.info(
    `GestionPro ${running.url} — base ${running.database.kind === 'pglite' ? `PGlite (${env.DATA_DIR})` : 'PostgreSQL'}`,
  );
  if (running.isDemoSeeded)
    log.info(
      'Garage de démonstration créé : clients, véhicules, devis et ordres de réparation fictifs.',
    );
  if (running.setupUrl) {
    log.info(
      `Aucun administrateur : créez-le avec ce lien (valable une fois) : ${running.setupUrl}`,
    );
  } else if (env.ADMIN_EMAIL) {
    log.info(`Connexion : ${env.ADMIN_EMAIL} avec le mot de passe ADMIN_PASSWORD.`);
  } else {
    log.info('Connectez-vous avec un compte existant.');
  }

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info(`${signal} reçu, arrêt…`);
    await running.close().catch((error) => log.error('arrêt', error));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('Démarrage impossible :', error instanceof Error ? error.message : error);
  process.exit(1);
});
