import { connectionType } from '../../kit/pagination/connection-type';
import { Developer } from './developer';
import { Model } from './model';
import { EarlyAccessGrant, Partner } from './partner';

export const ModelConnection = connectionType(() => Model, 'Model', 'models');
export const DeveloperConnection = connectionType(() => Developer, 'Developer', 'developers');
export const PartnerConnection = connectionType(() => Partner, 'Partner', 'partners');
export const EarlyAccessGrantConnection = connectionType(() => EarlyAccessGrant, 'EarlyAccessGrant', 'early-access grants');
