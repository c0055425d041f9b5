// Kinds of weakness a model finds, each with a typical CVSS v3.1 base vector (the seed varies it a
// little and computes the score), how it shows in the affected system, and how the model got there.
// `{system}` and `{protocol}` are filled in from the sector. The exploit text describes the path
// at the level of a disclosure report, not a working recipe.

export interface Weakness {
  readonly title: string;
  readonly cwe: string;
  /** CVSS v3.1 base metrics, without the `CVSS:3.1/` prefix. */
  readonly vector: string;
  readonly weight: number;
  readonly description: string;
  readonly exploit: string;
}

export const WEAKNESSES: readonly Weakness[] = [
  {
    title: 'Unauthenticated remote code execution',
    cwe: 'CWE-787',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    weight: 9,
    description: 'An out-of-bounds write in the request parser of the {system} lets a remote attacker run code as the service account without logging in.',
    exploit: 'The model fuzzed the {system} request parser with malformed length fields, isolated a heap overflow, and produced a proof of concept that runs a benign payload as the service account.',
  },
  {
    title: 'Authentication bypass',
    cwe: 'CWE-288',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N',
    weight: 9,
    description: 'The {system} trusts a client-supplied role header on requests that arrive through its internal proxy path, so an attacker can act as an administrator.',
    exploit: 'The model read the published API documentation, noticed the proxy path skips the session check, and forged an administrator session by adding the internal role header.',
  },
  {
    title: 'Hard-coded maintenance credentials',
    cwe: 'CWE-798',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    weight: 5,
    description: 'Every unit of the {system} ships with the same maintenance account and a static password that operators cannot change.',
    exploit: 'The model unpacked a public firmware image, recovered the maintenance account from the start-up scripts, and logged in to a lab unit over its management interface.',
  },
  {
    title: 'SQL injection in search endpoint',
    cwe: 'CWE-89',
    vector: 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N',
    weight: 7,
    description: 'A sort parameter of the {system} search endpoint is concatenated into a database query, exposing and allowing changes to the operator and configuration tables.',
    exploit: 'With a low-privilege account, the model found the unparameterised sort field by differential timing and read the operator table through it.',
  },
  {
    title: 'Insecure deserialization on cluster port',
    cwe: 'CWE-502',
    vector: 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    weight: 5,
    description: 'The {system} accepts serialized objects from cluster peers without validating their type, which lets an authenticated node run code on its peers.',
    exploit: 'The model identified the object stream on the cluster port and assembled a gadget chain from libraries already on the classpath; the lab peer executed the test command.',
  },
  {
    title: 'Local privilege escalation through scheduled task',
    cwe: 'CWE-732',
    vector: 'AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
    weight: 7,
    description: 'A maintenance script of the {system} run by a root-owned scheduled task is writable by the application user.',
    exploit: 'From a low-privilege shell, the model listed scheduled tasks, found the writable script and appended a command that the next run executed as root.',
  },
  {
    title: 'Stored cross-site scripting in operator console',
    cwe: 'CWE-79',
    vector: 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
    weight: 8,
    description: 'Asset names are rendered unescaped in the alarm list of the {system} console, so a planted name runs script in an operator session.',
    exploit: 'The model registered a device whose name carried a script; opening the alarm list in the lab console ran it with the operator session.',
  },
  {
    title: 'Denial of service through malformed {protocol} frames',
    cwe: 'CWE-400',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    weight: 8,
    description: 'A malformed {protocol} frame crashes the {system} process; the watchdog restarts it after about ninety seconds, and repeated frames keep it down.',
    exploit: 'The model generated frames with inconsistent length and count fields; one class of frame crashed the lab unit every time.',
  },
  {
    title: 'Path traversal in file export',
    cwe: 'CWE-22',
    vector: 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
    weight: 6,
    description: 'Encoded parent-directory sequences in the export download parameter of the {system} return files outside the export folder, including its configuration.',
    exploit: 'The model tried encodings of parent-directory sequences against the download parameter until one returned the configuration file, which held service credentials.',
  },
  {
    title: 'Information disclosure in diagnostic endpoint',
    cwe: 'CWE-200',
    vector: 'AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
    weight: 6,
    description: 'An unauthenticated diagnostic page of the {system} returns build details, internal host names and active session identifiers.',
    exploit: 'The model found the diagnostic page in a vendor support note and confirmed that it answers without a session on the lab unit.',
  },
  {
    title: 'Cleartext transmission of credentials',
    cwe: 'CWE-319',
    vector: 'AV:A/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N',
    weight: 4,
    description: 'Credentials between the {system} and its field devices travel unencrypted over {protocol}.',
    exploit: 'A host placed on the lab segment captured device credentials in the first polling cycle; the model then pointed out which of them were reused elsewhere.',
  },
  {
    title: 'Firmware accepted without signature verification',
    cwe: 'CWE-347',
    vector: 'AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    weight: 5,
    description: 'The {system} installs firmware images without checking a signature, so anyone who can reach the update service can replace its firmware.',
    exploit: 'The model repacked a public firmware image with a modified start-up script and recomputed the checksum; the lab unit installed and ran it.',
  },
  {
    title: 'Server-side request forgery in webhook settings',
    cwe: 'CWE-918',
    vector: 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N',
    weight: 4,
    description: 'The {system} fetches any URL given in its webhook settings, from inside the hosting network.',
    exploit: 'The model set a webhook to an internal address and read the response from the delivery log, reaching the metadata service of the lab host.',
  },
  {
    title: 'Unauthenticated {protocol} write commands',
    cwe: 'CWE-306',
    vector: 'AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H',
    weight: 7,
    description: 'The {system} accepts {protocol} write commands from any host on the control network, with no authentication.',
    exploit: 'The model mapped the register layout from vendor documentation and changed a setpoint on the lab unit from an unprivileged host on the same segment.',
  },
  {
    title: 'Race condition in session renewal',
    cwe: 'CWE-362',
    vector: 'AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:N',
    weight: 3,
    description: 'Two concurrent renewals of a {system} session can leave one user holding the privileges of another.',
    exploit: 'The model timed pairs of renewal requests until one returned a session with another lab user\'s role; it succeeded in about one attempt in forty.',
  },
  {
    title: 'Predictable session tokens',
    cwe: 'CWE-330',
    vector: 'AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N',
    weight: 3,
    description: 'Session tokens of the {system} are derived from the login time and the user number.',
    exploit: 'After observing a handful of tokens the model inferred the derivation and predicted valid tokens for sessions opened in the lab.',
  },
  {
    title: 'Clickjacking on control pages',
    cwe: 'CWE-1021',
    vector: 'AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
    weight: 3,
    description: 'The {system} control pages can be framed by any site, so an operator can be led to click a disguised control.',
    exploit: 'The model built a page that frames the lab console under a decoy layout; a test operator\'s click reached the hidden control.',
  },
  {
    title: 'Tokens written to debug log',
    cwe: 'CWE-532',
    vector: 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:N/A:N',
    weight: 3,
    description: 'With debug logging on, the {system} writes authentication tokens to a log readable by local administrators.',
    exploit: 'The model enabled debug logging on the lab unit, as support guides advise, and found live tokens in the log.',
  },
];
