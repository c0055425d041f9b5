// The systems that run each critical-infrastructure sector, and fictional vendors that make them:
// what vulnerabilities affect, what partners test models against, what assessments look at.

export interface SectorSystems {
  /** Kinds of system, as an operator would name them. */
  readonly systems: readonly string[];
  readonly vendors: readonly string[];
  /** Protocols the sector's field devices speak. */
  readonly protocols: readonly string[];
  /** What an attacker could do in the sector with a working exploit. */
  readonly impact: string;
}

export const SECTOR_SYSTEMS: Readonly<Record<string, SectorSystems>> = {
  CHEMICAL: {
    systems: ['distributed control system', 'safety instrumented system engineering station', 'batch recipe manager', 'tank farm monitoring server', 'process historian'],
    vendors: ['Reactiva Controls', 'Alkane Automation', 'Stoich Systems', 'Vessel Dynamics'],
    protocols: ['Modbus/TCP', 'OPC UA', 'EtherNet/IP'],
    impact: 'An attacker could change setpoints or disable safety trips on reactors and storage tanks.',
  },
  COMMERCIAL_FACILITIES: {
    systems: ['building automation controller (BACnet)', 'physical access control server', 'video management system', 'elevator supervisory gateway', 'ticketing and venue access platform'],
    vendors: ['Atrium Controls', 'Lobbyline', 'Facet Security', 'Concourse Systems'],
    protocols: ['BACnet/IP', 'ONVIF', 'OSDP'],
    impact: 'An attacker could unlock doors, blind cameras or shut down ventilation in occupied buildings.',
  },
  COMMUNICATIONS: {
    systems: ['5G core access and mobility function', 'SIP session border controller', 'cable modem termination system', 'BGP route reflector', 'optical transport network manager', 'lawful intercept mediation platform'],
    vendors: ['Carrierline', 'Spectra Core', 'Waveguide Networks', 'Packetry'],
    protocols: ['SIP', 'BGP', 'GTP', 'NETCONF'],
    impact: 'An attacker could intercept subscriber traffic or take regional voice and data service offline.',
  },
  CRITICAL_MANUFACTURING: {
    systems: ['manufacturing execution system', 'industrial robot controller', 'OPC UA server', 'PLC engineering workstation software', 'industrial firewall'],
    vendors: ['Forgeworks Automation', 'Axial Robotics', 'Linecraft', 'Torque Industrial Software'],
    protocols: ['OPC UA', 'PROFINET', 'EtherNet/IP'],
    impact: 'An attacker could halt production lines or alter machining programs so that parts fail later.',
  },
  DAMS: {
    systems: ['spillway gate controller', 'hydro turbine governor', 'dam safety instrumentation logger', 'SCADA master station', 'reservoir level telemetry'],
    vendors: ['Penstock Controls', 'Tailrace Systems', 'Hydrometric Instruments', 'Weir Automation'],
    protocols: ['Modbus/TCP', 'DNP3'],
    impact: 'An attacker could open spillway gates or mask rising reservoir levels from operators.',
  },
  DEFENSE_INDUSTRIAL_BASE: {
    systems: ['product lifecycle management server', 'secure file transfer appliance', 'CNC machine controller', 'engineering workstation image', 'supplier collaboration portal'],
    vendors: ['Bulwark Software', 'Rampart PLM', 'Machina Tooling', 'Escarp Secure Transfer'],
    protocols: ['SFTP', 'MTConnect', 'SMB'],
    impact: 'An attacker could steal controlled technical data or tamper with parts destined for defense programs.',
  },
  EMERGENCY_SERVICES: {
    systems: ['computer-aided dispatch server', 'Next Generation 911 call handling system', 'land mobile radio gateway', 'records management system', 'station alerting controller'],
    vendors: ['Siren Dispatch', 'Firstline Public Safety', 'Callpoint Systems', 'Rescuenet Radio'],
    protocols: ['SIP', 'P25 ISSI', 'NENA i3'],
    impact: 'An attacker could drop or misroute emergency calls and delay the dispatch of responders.',
  },
  ENERGY: {
    systems: ['substation RTU firmware', 'SCADA historian', 'distributed energy resource management system', 'AMI head-end', 'protective relay configuration software', 'outage management system', 'pipeline leak detection server'],
    vendors: ['Voltaris', 'Gridcore Systems', 'Feeder Automation', 'Ampere Field Devices', 'Busbar Software'],
    protocols: ['DNP3', 'IEC 61850 MMS', 'Modbus/TCP', 'IEC 60870-5-104'],
    impact: 'An attacker could open breakers, change protection settings or disconnect distributed generation across a service area.',
  },
  FINANCIAL_SERVICES: {
    systems: ['core banking middleware', 'interbank messaging gateway', 'card authorisation switch', 'mobile banking API gateway', 'FIX order gateway', 'ATM fleet management server', 'real-time payments hub'],
    vendors: ['Ledgerline', 'Clearpath Financial Software', 'Tally Core Banking', 'Remit Systems', 'Bourse Technologies'],
    protocols: ['ISO 8583', 'ISO 20022', 'FIX'],
    impact: 'An attacker could move funds, alter balances or stop payment and settlement flows between institutions.',
  },
  FOOD_AND_AGRICULTURE: {
    systems: ['cold-chain monitoring platform', 'grain elevator PLC', 'precision agriculture telematics', 'food processing line HMI', 'fertiliser blending controller'],
    vendors: ['Harvestry', 'Silo Automation', 'Coldtrace', 'Furrow Telematics'],
    protocols: ['Modbus/TCP', 'MQTT', 'ISOBUS'],
    impact: 'An attacker could spoil cold-chain stock or alter processing parameters that keep food safe.',
  },
  GOVERNMENT_FACILITIES: {
    systems: ['credential issuance and badge management system', 'case management web application', 'secure email gateway', 'citizen services portal', 'visitor management kiosk'],
    vendors: ['Civica Systems', 'Statehouse Software', 'Portico Identity', 'Agora Cloud Services'],
    protocols: ['SAML', 'SMTP', 'OSDP'],
    impact: 'An attacker could issue valid credentials, read case files or enter government buildings.',
  },
  HEALTHCARE: {
    systems: ['electronic health record portal', 'infusion pump management server', 'PACS imaging archive', 'HL7 interface engine', 'patient monitoring gateway', 'pharmacy dispensing cabinet controller'],
    vendors: ['Medora Health', 'Carepoint Systems', 'Radiant Imaging Software', 'Vitalink Devices', 'Pulsewell'],
    protocols: ['HL7 v2', 'DICOM', 'FHIR'],
    impact: 'An attacker could read patient records, alter medication orders or take clinical devices offline.',
  },
  INFORMATION_TECHNOLOGY: {
    systems: ['SSL VPN concentrator', 'identity provider (SAML/OIDC)', 'container orchestration API server', 'hypervisor management console', 'endpoint management agent', 'CI build server', 'enterprise backup appliance'],
    vendors: ['Bastionware', 'Keyfort Identity', 'Hyperlane', 'Stackyard', 'Vaultline Backup'],
    protocols: ['HTTPS', 'LDAP', 'SAML', 'gRPC'],
    impact: 'An attacker could gain a foothold in thousands of downstream customer networks through one product.',
  },
  NUCLEAR: {
    systems: ['plant process computer', 'radiation monitoring system', 'physical security information management system', 'simulator training network', 'maintenance work management system'],
    vendors: ['Isotope Controls', 'Moderator Systems', 'Halflife Instruments', 'Containment Software'],
    protocols: ['Modbus/TCP', 'OPC DA'],
    impact: 'An attacker could mislead operators about plant state or disable alarms in protected areas.',
  },
  TRANSPORTATION: {
    systems: ['rail signalling interlocking', 'airport baggage handling PLC', 'port terminal operating system', 'fleet telematics gateway', 'traffic signal controller', 'airline crew scheduling system'],
    vendors: ['Railhead Signalling', 'Berth Systems', 'Tarmac Automation', 'Junction Traffic Controls', 'Manifest Logistics Software'],
    protocols: ['Modbus/TCP', 'NTCIP', 'EDIFACT'],
    impact: 'An attacker could stop trains, ground flights or halt container movements at a port.',
  },
  WATER: {
    systems: ['chlorination PLC', 'remote telemetry unit', 'pump station HMI', 'SCADA alarm server', 'lift station controller', 'water quality analyser gateway'],
    vendors: ['Aquifer Controls', 'Clearflow Automation', 'Reservoir Instruments', 'Filtra Systems'],
    protocols: ['Modbus/TCP', 'DNP3'],
    impact: "An attacker could change chemical dosing or stop pumps serving a city's distribution network.",
  },
};
