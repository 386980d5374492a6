export { parseXml, XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY } from './xml/xml-parser.js';
export type { XmlValue, XmlObject, XmlParseOptions } from './xml/xml-parser.js';
export { parseXmlFast, scanXml, LIST_BUCKET_RESULT_ARRAY_PATHS } from './xml/fast-xml-reader.js';
export { buildXml, S3_XML_NAMESPACE } from './xml/xml-writer.js';
export type { XmlInput, XmlInputObject, BuildXmlOptions } from './xml/xml-writer.js';
export { decodeXmlEntities, escapeXml } from './xml/xml-entities.js';
export { XmlParseError, isXmlParseError, ERR_XML } from './xml/xml-error.js';
export { S3ServiceError, isS3ServiceError, isNotFoundError } from './errors/s3-service-error.js';
export type { S3ServiceErrorOptions } from './errors/s3-service-error.js';
export { parseS3Error, isS3ErrorBody, STATUS_ERROR_CODES, UNKNOWN_ERROR_CODE } from './errors/parse-s3-error.js';
export type { S3ErrorResponse, S3ErrorContext } from './errors/parse-s3-error.js';
export {
  createChecksum,
  checksumBase64,
  isChecksumAlgorithm,
  CHECKSUM_ALGORITHMS,
  CHECKSUM_HEADERS,
  CHECKSUM_MEMBERS,
  DIGEST_LENGTHS,
} from './checksums/checksum.js';
export type { ChecksumAlgorithm, HashAlgorithm, Checksum } from './checksums/checksum.js';
export { crc32, crc32Js, CRC32_POLY } from './checksums/crc32.js';
export { crc32c, CRC32C_POLY } from './checksums/crc32c.js';
export { crc64Nvme } from './checksums/crc64-nvme.js';
export { crc32Combine, crc32cCombine, crc64NvmeCombine } from './checksums/crc-combine.js';
export { compositeChecksum, fullObjectChecksum, multipartEtag } from './checksums/multipart-checksums.js';
export type { PartChecksum, FullObjectChecksumAlgorithm } from './checksums/multipart-checksums.js';
export { resolveEndpoint, requestPath } from './endpoints/resolve-endpoint.js';
export type { EndpointParams, ResolvedEndpoint } from './endpoints/resolve-endpoint.js';
export { validateBucketName, isVirtualHostableBucket } from './endpoints/bucket-name.js';
export type { BucketNameRules } from './endpoints/bucket-name.js';
export { validateObjectKey, encodeKeyPath, MAX_KEY_BYTES } from './endpoints/object-key.js';
