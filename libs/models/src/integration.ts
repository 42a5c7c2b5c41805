import type { DataType } from './data-types';
import type { FeatureState, FeatureType, SourceType } from './enums';

export interface SupportedFeature {
  featureType: FeatureType;
  featureState: FeatureState;
}

export interface DataTypeFeature {
  dataType: DataType;
  /** The 2023 spec's casing; emitted too because clients differ (contract section 4). */
  datatype: DataType;
  supportedFeatures: SupportedFeature[];
}

export interface Integration {
  key: string;
  logoUrl: string;
  name: string;
  enabled: boolean;
  sourceId: string;
  sourceType: SourceType;
  integrationId: string;
  isOfflineConnector: boolean;
  isBeta: boolean;
  dataProvidedBy: string;
  datatypeFeatures: DataTypeFeature[];
}

export interface Branding {
  logo: { full: { image: { src: string; alt: string } }; square: { image: { src: string; alt: string } } };
  button: { default: { image: { src: string; alt: string } }; hover: { image: { src: string; alt: string } } };
  sourceId: string;
}
