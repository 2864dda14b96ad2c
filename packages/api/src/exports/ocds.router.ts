import express, { type Router } from 'express';
import type { AppConfig } from '../core/config';
import {
  extensionDocument,
  ITEM_CLASSIFICATION_ADDITION,
  PACKAGE_SCHEMA_PATCH,
  publicationPolicyHtml,
  RELEASE_SCHEMA_PATCH,
} from './ocds-extension';

/** The OCDS documents civimap's packages point to (mounted at /export/ocds): the extension and the policy page. */
export function ocdsDocumentsRouter(config: AppConfig): Router {
  const router = express.Router();
  const cache = (res: express.Response) => res.setHeader('Cache-Control', 'public, max-age=3600');
  router.get('/extension.json', (_req, res) => void (cache(res), res.json(extensionDocument(config.publicUrl))));
  router.get('/release-schema.json', (_req, res) => void (cache(res), res.json(RELEASE_SCHEMA_PATCH)));
  router.get('/release-package-schema.json', (_req, res) => void (cache(res), res.json(PACKAGE_SCHEMA_PATCH)));
  // "+" is special to Express's path syntax: escaped.
  router.get('/codelists/\\+itemClassificationScheme.csv', (_req, res) => void (cache(res), res.type('text/csv; charset=utf-8').send(ITEM_CLASSIFICATION_ADDITION)));
  router.get('/publication-policy', (_req, res) => void (cache(res), res.type('html').send(publicationPolicyHtml(config.publicUrl, config.dataLicence, config.ocds))));
  return router;
}
