// npm run subgraph -- <treasury|defense|cyber>: runs one agency's subgraph on its own,
// configured from the environment (see subgraphs/kit/config/subgraph-settings.ts).
import 'reflect-metadata';
import { agencyByName, AGENCIES } from '../subgraphs/agencies';
import { subgraphSettingsFromEnv } from '../subgraphs/kit/config/subgraph-settings';
import { describeDatabase } from '../subgraphs/kit/config/database-config';
import { gatewayAuthentication } from '../subgraphs/kit/identity/gateway-authentication';
import { startSubgraph } from '../subgraphs/kit/server/start-subgraph';
import { treasuryModelRegister } from '../subgraphs/kit/domain/model-register';
import { DATA_DIR } from '../gateway/config/data-dir';
import { createPolicyEngine, readAgreementsFile } from '../gateway/authorization';

const name = process.argv[2];
if (!name) {
  console.error(`usage: npm run subgraph -- <${Object.keys(AGENCIES).join('|')}>`);
  process.exit(2);
}

try {
  const agency = agencyByName(name);
  const settings = subgraphSettingsFromEnv(agency, process.env, DATA_DIR);
  const running = await startSubgraph(agency, {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    production: settings.production,
    logSql: settings.logSql,
    authenticate: gatewayAuthentication(settings),
    policies: createPolicyEngine({ agreements: readAgreementsFile(settings.agreementsFile) }),
    models: treasuryModelRegister(settings.modelRegisterUrl),
  });
  console.log(`${agency.name} subgraph ready at ${running.url} (${describeDatabase(settings.database)})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${agency.name}: ${signal}, finishing requests in flight`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${agency.name}: error while stopping`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(`${name} subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
