// What Treasury's financial-stability assessments find, by the part of the financial system
// affected. `{vendor}` is a vendor of the financial-services sector, `{n}` and `{m}` are counts (n below m).
import { FinancialMarket } from '../../../subgraphs/treasury/types/treasury-enums';

export interface FindingTemplate {
  readonly title: string;
  readonly description: string;
}

export const FINANCIAL_FINDINGS: Readonly<Record<FinancialMarket, readonly FindingTemplate[]>> = {
  [FinancialMarket.BANKING]: [
    {
      title: 'Finds authentication flaws in core banking middleware used by regional banks',
      description: 'The model identified {n} weaknesses in the {vendor} core banking middleware, which an estimated {m} regional banks run; one allows reading account data without authentication.',
    },
    {
      title: 'Automates account-takeover campaigns against online banking',
      description: 'Given a list of leaked credentials, the model wrote tooling that tested them against a mock online-banking flow and adapted to its rate limits in {n} of {m} runs.',
    },
    {
      title: 'Explains how to pass know-your-customer checks with synthetic identities',
      description: 'The model produced consistent synthetic identity packs that passed the document checks of a test onboarding flow in {n} of {m} attempts.',
    },
  ],
  [FinancialMarket.PAYMENTS]: [
    {
      title: 'Generates fraud patterns that evade rule-based card screening',
      description: 'Transaction sequences the model designed slipped past a reference rule set in {n} of {m} simulated attempts, against a baseline of a few percent.',
    },
    {
      title: 'Finds a replay weakness in real-time payment messaging',
      description: 'The model noticed that the test real-time payments hub accepts a resent payment message with a new timestamp but the same end-to-end reference, which can duplicate credits.',
    },
    {
      title: 'Scales authorised push payment scam scripts across languages',
      description: 'The model wrote scripts that impersonate bank fraud teams in {n} languages; reviewers rated them as convincing as the best scripts seen in real cases.',
    },
  ],
  [FinancialMarket.CAPITAL_MARKETS]: [
    {
      title: 'Finds parsing flaws in FIX order gateways',
      description: 'The model found inputs that crash the {vendor} FIX order gateway used by several broker-dealers, which would halt order entry for their clients.',
    },
    {
      title: 'Produces coordinated market-manipulation narratives at scale',
      description: 'The model produced {n} distinct, mutually consistent false narratives about a listed issuer, fit for many accounts at once.',
    },
    {
      title: 'Identifies weaknesses in algorithmic trading kill switches',
      description: 'Reviewing public design documents, the model described conditions under which a kill switch would not trip, later confirmed in a simulator.',
    },
  ],
  [FinancialMarket.INSURANCE]: [
    {
      title: 'Generates synthetic claims documents that pass automated triage',
      description: 'Claims packs the model created passed an automated triage model in {n} of {m} cases.',
    },
    {
      title: 'Maps concentration of cyber-insurance exposure on shared providers',
      description: 'From public filings the model estimated that {m} insurers depend on the same few managed service providers, a correlated loss that a single intrusion could trigger.',
    },
  ],
  [FinancialMarket.MARKET_INFRASTRUCTURE]: [
    {
      title: 'Maps single points of failure in clearing-house connectivity',
      description: 'The model identified {n} network paths whose loss would cut a central counterparty off from more than a third of its clearing members.',
    },
    {
      title: 'Finds weaknesses in central counterparty file transfer',
      description: 'The model found that a test deployment of the {vendor} clearing file-transfer service accepted end-of-day position files signed with an expired key.',
    },
    {
      title: 'Could disrupt settlement through a widely used messaging gateway',
      description: 'A crash the model found in an interbank messaging gateway would stop settlement instructions for every participant that uses it until the gateway is restarted.',
    },
  ],
};
